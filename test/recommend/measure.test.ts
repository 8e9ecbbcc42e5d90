import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_EVENTS, trackRecommendationClicked, trackRecommendationViewed } from '../../src/recommend/measure';
import type { Recommendation } from '../../src/recommend/recommend-for';
import { recommender } from '../../src/recommend/recommender';
import { recoClient } from '../utils/recommend-client';
import { modelOf } from '../utils/recommend-model';

const items: Recommendation[] = [
  { itemId: 'b', score: 0.5, tier: 'must-buy', reason: 'similar-sessions' },
  { itemId: 'c', score: 0, tier: 'explore', reason: 'popular' },
];

describe('recommendation measurement', () => {
  it('tracks "Recommendation Viewed" with the list, model version and every item', () => {
    const client = recoClient();
    trackRecommendationViewed(client, { listId: 'pdp', items, modelVersion: 'v7' });
    expect(client.tracked).toEqual([
      {
        event: RECOMMENDATION_EVENTS.viewed,
        properties: {
          list_id: 'pdp',
          model_version: 'v7',
          products: [
            { product_id: 'b', position: 1, tier: 'must-buy' },
            { product_id: 'c', position: 2, tier: 'explore' },
          ],
        },
      },
    ]);
  });

  it('tracks "Recommendation Clicked" with the list, item, position, tier and model version', () => {
    const client = recoClient();
    trackRecommendationClicked(client, { listId: 'pdp', item: items[1]!, position: 2, modelVersion: 'v7' });
    expect(client.tracked).toEqual([
      { event: 'Recommendation Clicked', properties: { list_id: 'pdp', product_id: 'c', position: 2, tier: 'explore', model_version: 'v7' } },
    ]);
  });

  it('lets the recommender track its own lists with its model version', async () => {
    const client = recoClient();
    const reco = recommender({ model: modelOf([['a', 'b'], ['a', 'b']]) });
    await client.use(reco);
    await reco.ready;
    const list = reco.recommend({ k: 1, context: ['a'] });
    reco.viewed('cart', list);
    reco.clicked('cart', list[0]!, 1);
    expect(client.tracked.map((t) => [t.event, t.properties.model_version, t.properties.list_id])).toEqual([
      ['Recommendation Viewed', 'fixture-1', 'cart'],
      ['Recommendation Clicked', 'fixture-1', 'cart'],
    ]);
  });

  it('does not treat its own measurement events as shopper activity', async () => {
    const client = recoClient();
    const reco = recommender({ model: modelOf([['a', 'b'], ['a', 'b'], ['c', 'd']]) });
    await client.use(reco);
    reco.clicked('cart', { itemId: 'a', score: 0, tier: 'explore', reason: 'popular' }, 1);
    expect(reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
  });
});
