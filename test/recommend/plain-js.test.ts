import { describe, expect, it, vi } from 'vitest';
import { createSightline } from '../../src/core';
import { fallbackModel, loadModel, rankItems, recommender, trackRecommendationClicked, trackRecommendationViewed } from '../../src/recommend';
import type { SightlineError } from '../../src/types';
import { createFakeClient } from '../utils/capture-client';

// What a page's script may hand the recommend API when nothing checks its types.
const JUNK = [undefined, null, 5, 'text', {}] as never[];

describe('the recommend API from plain JavaScript', () => {
  it('starts a recommender without a usable model, reports it once and recommends nothing', async () => {
    for (const options of [undefined, null, {}, { model: 5 }, { model: Promise.resolve('not a model') }] as never[]) {
      const reco = recommender(options);
      const errors: SightlineError[] = [];
      const client = createSightline({ writeKey: 'k', plugins: [reco], onError: (e) => errors.push(e) });
      await reco.ready;
      await client.flush();
      expect(reco.model().meta.source).toBe('fallback');
      expect(reco.recommend({ k: 4 })).toEqual([]);
      expect(errors).toMatchObject([{ code: 'recommend/model-unavailable', source: 'user' }]);
      await client.destroy();
    }
  });

  it('loads with options that are not an object, never rejecting', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    const model = await loadModel('/models/missing.slrm', null as never);
    expect(model.meta.source).toBe('fallback');
  });

  it('makes an empty fallback model from a popular list that is not a list', () => {
    for (const popular of JUNK) expect(fallbackModel(popular).meta.itemCount).toBe(0);
  });

  it('leaves out popular ids that are neither strings nor numbers', () => {
    const popular = ['a', Object.create(null), 7, null, { id: 'b' }] as never[];
    expect(fallbackModel(popular).meta.itemCount).toBe(2);
    const model = fallbackModel(popular);
    expect(rankItems(model, { items: [], limit: 5 }).map((r) => model.ids.idOf(r.index))).toEqual(['a', '7']);
  });

  it('ranks nothing for a model or a query that is not one', () => {
    const model = fallbackModel(['a', 'b']);
    for (const junk of JUNK) {
      expect(rankItems(junk, { items: ['a'], limit: 2 })).toEqual([]);
      expect(rankItems(model, junk)).toEqual([]);
    }
  });

  it('takes one excluded id for a list of it, and an exclude that is no list or id for none', () => {
    const model = fallbackModel(['1', '2', '3']);
    const ranked = (exclude: unknown) => rankItems(model, { items: [], exclude: exclude as never, limit: 3 }).map((r) => model.ids.idOf(r.index));
    expect([ranked('2'), ranked(2)]).toEqual([['1', '3'], ['1', '3']]);
    for (const junk of [undefined, null, {}, true]) expect(ranked(junk)).toEqual(['1', '2', '3']);
  });

  it('ranks a whole number of items, from none to all the model has, for any limit', () => {
    const model = fallbackModel(['a', 'b', 'c']);
    const count = (limit: unknown) => rankItems(model, { items: ['a'], limit: limit as number }).length;
    expect([Infinity, 1e9, 2.5, '2', -1, NaN, undefined].map(count)).toEqual([3, 3, 2, 2, 0, 0, 0]);
  });

  it('measures nothing without a tracker, and a malformed list or item without its fields', () => {
    for (const junk of JUNK) {
      expect(() => trackRecommendationViewed(junk, { listId: 'l', items: [], modelVersion: 'v' })).not.toThrow();
      expect(() => trackRecommendationClicked(junk, { listId: 'l', item: { itemId: 'a' } as never, position: 1, modelVersion: 'v' })).not.toThrow();
    }
    const client = createFakeClient();
    trackRecommendationViewed(client, null as never);
    trackRecommendationViewed(client, { listId: 'l', items: [null, { itemId: 'a', tier: 'similar' }], modelVersion: 'v' } as never);
    trackRecommendationClicked(client, { listId: 'l', item: null, position: 2, modelVersion: 'v' } as never);
    expect(client.calls.map((c) => c.properties)).toEqual([
      { products: [] },
      { list_id: 'l', model_version: 'v', products: [{ position: 1 }, { product_id: 'a', position: 2, tier: 'similar' }] },
      { list_id: 'l', position: 2, model_version: 'v' },
    ]);
  });
});
