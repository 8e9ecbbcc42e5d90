import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_EVENTS, trackRecommendationClicked, trackRecommendationViewed } from '../../src/recommend/measure';
import type { Model } from '../../src/recommend/model/model';
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

  // A list is seen (scrolled into view) and clicked after it was made: by then the real model
  // may have replaced the fallback, or a newer model the one that made it.
  it('tags a list with the version of the model that made it, the fallback included', async () => {
    let finish = (_: Model): void => {};
    const reco = recommender({ model: new Promise<Model>((resolve) => (finish = resolve)), loader: { popular: ['c', 'a'] } });
    const client = recoClient();
    await client.use(reco);
    const list = reco.recommend({ k: 2 }); // while the model loads: the popular list
    finish(modelOf([['a', 'b'], ['a', 'b']]));
    await reco.ready;
    reco.viewed('pdp', list);
    reco.clicked('pdp', list[0]!, 1);
    expect(client.tracked.map((t) => t.properties.model_version)).toEqual(['fallback', 'fallback']);
  });

  it('tags a click on a list of v1 with v1 after setModel put v2 in use, and an item made elsewhere with the model in use', async () => {
    const v1 = modelOf([['a', 'b'], ['a', 'b']]);
    const reco = recommender({ model: v1 });
    const client = recoClient();
    await client.use(reco);
    await reco.ready;
    const list = reco.recommend({ k: 1, context: ['a'] });
    reco.setModel({ ...v1, meta: { ...v1.meta, version: 'v2' } });
    reco.clicked('pdp', list[0]!, 1);
    reco.clicked('pdp', { ...list[0]! }, 1); // a copy: not one the recommender made
    expect(client.tracked.map((t) => t.properties.model_version)).toEqual([v1.meta.version, 'v2']);
  });

  it('does not treat its own measurement events as shopper activity', async () => {
    const client = recoClient();
    const reco = recommender({ model: modelOf([['a', 'b'], ['a', 'b'], ['c', 'd']]) });
    await client.use(reco);
    reco.clicked('cart', { itemId: 'a', score: 0, tier: 'explore', reason: 'popular' }, 1);
    expect(reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
  });
});
