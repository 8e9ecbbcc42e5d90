import { afterEach, describe, expect, it } from 'vitest';
import { createSightline } from '../../src/core';
import { RECOMMEND_ERRORS } from '../../src/recommend/errors';
import type { Model } from '../../src/recommend/model/model';
import { recommender } from '../../src/recommend/recommender';
import { recoHistoryKey } from '../../src/storage/reco-history';
import { recoClient } from '../utils/recommend-client';
import { dispatchStorage } from '../utils/transport-page';
import { modelOf } from '../utils/recommend-model';

// "b" follows "a"; "c" is the most clicked item overall; "x…" items pad the popularity list.
const SESSIONS = [['a', 'b'], ['a', 'b'], ['a', 'b', 'd'], ['c', 'x1'], ['c', 'x2'], ['c', 'x3'], ['c', 'e'], ['e', 'c']];

async function setup(model: Model | Promise<Model> = modelOf(SESSIONS), options: { persist?: boolean; popular?: string[]; personalization?: boolean } = {}) {
  const client = recoClient(options.personalization === false ? { personalization: false } : {});
  const reco = recommender({ model, ...(options.persist === undefined ? {} : { persist: options.persist }), loader: { popular: options.popular ?? [] } });
  await client.use(reco);
  await reco.ready;
  return { client, reco, view: (id: string) => client.deliver('Product Viewed', { product_id: id }) };
}

afterEach(() => localStorage.clear());

const storedItems = () => (JSON.parse(localStorage.getItem(recoHistoryKey()) ?? '{"items":[]}') as { items: { i: string }[] }).items.map((x) => x.i);

describe('recommender', () => {
  it('recommends what followed the viewed product in other sessions', async () => {
    const { reco, view } = await setup();
    view('a');
    expect(reco.recommend({ k: 1, explore: 0 }).map((r) => r.itemId)).toEqual(['b']);
  });

  it('uses `context` as the item on screen and leaves it out', async () => {
    const { reco } = await setup();
    const got = reco.recommend({ k: 3, explore: 0, context: ['a'] }).map((r) => r.itemId);
    expect(got[0]).toBe('b');
    expect(got).not.toContain('a');
  });

  it('takes one id for `context` or `exclude` as a list of it, and what is neither as none', async () => {
    const { client, reco, view } = await setup();
    expect(reco.recommend({ k: 1, explore: 0, context: 'a' as never }).map((r) => r.itemId)).toEqual(['b']);
    for (const [one, list] of [['a', ['a']], [7, [7]]] as const) {
      expect(reco.recommend({ k: 3, context: one as never })).toEqual(reco.recommend({ k: 3, context: list }));
    }
    view('a');
    expect(reco.recommend({ k: 4, exclude: 'b' as never })).toEqual(reco.recommend({ k: 4, exclude: ['b'] }));
    for (const junk of [null, {}, true]) expect(reco.recommend({ k: 4, context: junk, exclude: junk } as never)).toEqual(reco.recommend({ k: 4 }));
    expect(client.errors).toEqual([]);
  });

  it('leaves out items in the cart until they are removed', async () => {
    const { client, reco, view } = await setup();
    view('a');
    client.deliver('Product Added', { product_id: 'b' });
    expect(reco.recommend({ k: 4 }).map((r) => r.itemId)).not.toContain('b');
    client.deliver('Product Removed', { product_id: 'b' });
    view('a');
    expect(reco.recommend({ k: 4 }).map((r) => r.itemId)).toContain('b');
  });

  it('leaves out bought items', async () => {
    const { client, reco, view } = await setup();
    client.deliver('Order Completed', { products: [{ product_id: 'b', price: 3 }] });
    view('a');
    expect(reco.recommend({ k: 4 }).map((r) => r.itemId)).not.toContain('b');
  });

  it('leaves out items the caller excludes', async () => {
    const { reco, view } = await setup();
    view('a');
    expect(reco.recommend({ k: 4, exclude: ['b'] }).map((r) => r.itemId)).not.toContain('b');
  });

  it('places items in tiers: must-buy, then you-may-like, then explore', async () => {
    const { reco, view } = await setup();
    view('a');
    const got = reco.recommend({ k: 4 });
    expect(got.map((r) => [r.itemId, r.tier])).toEqual([
      ['b', 'must-buy'],
      ['d', 'you-may-like'],
      // The neighbourhood of "a" holds only b and d: the rest are popular items outside it.
      ['c', 'explore'],
      ['e', 'explore'],
    ]);
    expect(got[0]!.score).toBeGreaterThanOrEqual(reco.model().tiers.mustBuyShare);
    expect(got[1]!.score).toBeLessThan(reco.model().tiers.mustBuyShare);
    expect(got.map((r) => r.reason)).toEqual(['similar-sessions', 'similar-sessions', 'popular', 'popular']);
  });

  it('keeps one explore slot out of four even when the neighbourhood could fill them all', async () => {
    const { reco, view } = await setup(modelOf([...SESSIONS, ['a', 'f', 'g', 'h']]));
    view('a');
    expect(reco.recommend({ k: 4 }).map((r) => r.tier)).toEqual(['must-buy', 'you-may-like', 'you-may-like', 'explore']);
  });

  it('recommends popular items, all "explore", before the shopper did anything', async () => {
    const { reco } = await setup();
    expect(reco.recommend({ k: 3 }).map((r) => [r.itemId, r.tier])).toEqual([
      ['c', 'explore'],
      // a and b tie on clicks: the one seen first comes first.
      ['a', 'explore'],
      ['b', 'explore'],
    ]);
  });

  it('recommends the given popular list when the model cannot be had, and reports why', async () => {
    const { client, reco } = await setup(Promise.reject(new Error('offline')), { popular: ['p1', 'p2'] });
    expect(reco.recommend({ k: 2 }).map((r) => r.itemId)).toEqual(['p1', 'p2']);
    expect(client.errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.modelUnavailable })]);
  });

  it('recommends each item of a popular list once, and none in the cart, when the list repeats an id', async () => {
    const { client, reco } = await setup(Promise.reject(new Error('offline')), { popular: ['p1', 'p2', 'p1', 'p3'] });
    expect(reco.recommend({ k: 3 }).map((r) => r.itemId)).toEqual(['p1', 'p2', 'p3']);
    client.deliver('Product Added', { product_id: 'p1' });
    expect(reco.recommend({ k: 3 }).map((r) => r.itemId)).toEqual(['p2', 'p3']);
  });

  it.each([-2, Number.NaN, 99])('returns at most k items whatever explore is (%s)', async (explore) => {
    const { reco, view } = await setup();
    view('c'); // four neighbours: x1, x2, x3, e
    expect(reco.recommend({ k: 2, explore })).toHaveLength(2);
  });

  it('recommends nothing, without throwing, when there is neither model nor popular list', async () => {
    const { reco, view } = await setup(Promise.reject(new Error('offline')));
    view('a');
    expect(reco.recommend()).toEqual([]);
  });

  it('reports and returns [] instead of throwing when scoring fails', async () => {
    const broken = { ...modelOf(SESSIONS), ids: { count: 1, idOf: () => '', indexOf: () => { throw new Error('boom'); } } };
    const { client, reco, view } = await setup(broken);
    view('a');
    expect(reco.recommend()).toEqual([]);
    expect(client.errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.listenerFailed })]);
  });

  it('stops watching events after teardown', async () => {
    const { reco, view } = await setup();
    await reco.teardown?.();
    view('a');
    expect(reco.recommend({ k: 3 }).every((r) => r.tier === 'explore')).toBe(true);
  });

  it('swaps in a newer model with setModel', async () => {
    const { reco, view } = await setup();
    reco.setModel(modelOf([['a', 'z'], ['a', 'z'], ['q', 'r']]));
    view('a');
    expect(reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('z');
  });

  it('keeps a model set with setModel while the model option was still loading, and ready resolves with it', async () => {
    let finish = (_: Model): void => {};
    const reco = recommender({ model: new Promise<Model>((resolve) => (finish = resolve)), loader: { popular: [] } });
    const client = recoClient();
    await client.use(reco);
    const chosen = modelOf([['a', 'z'], ['a', 'z'], ['q', 'r']]);
    reco.setModel(chosen);
    finish(modelOf(SESSIONS)); // the load finishes after the shop chose
    expect(await reco.ready).toBe(chosen);
    expect(reco.model()).toBe(chosen);
    client.deliver('Product Viewed', { product_id: 'a' });
    expect(reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('z');
  });

  it.each([null, undefined, {}, 'model.slrm', Promise.resolve(modelOf(SESSIONS))])('keeps the model in use and reports model-unavailable when setModel is given %o', async (bad) => {
    const { client, reco, view } = await setup();
    const inUse = reco.model();
    reco.setModel(bad as never);
    expect(reco.model()).toBe(inUse);
    expect(client.errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.modelUnavailable, source: 'user' })]);
    // The recommender still answers and still measures, without throwing into the page.
    view('a');
    const list = reco.recommend({ k: 1, explore: 0 });
    expect(list.map((r) => r.itemId)).toEqual(['b']);
    expect(() => reco.viewed('pdp', list)).not.toThrow();
    expect(() => reco.clicked('pdp', list[0]!, 1)).not.toThrow();
  });

  it('lets the model option load after a setModel that was given no model: that was no choice', async () => {
    let finish = (_: Model): void => {};
    const reco = recommender({ model: new Promise<Model>((resolve) => (finish = resolve)), loader: { popular: [] } });
    const client = recoClient();
    await client.use(reco);
    reco.setModel(null as never);
    const loaded = modelOf(SESSIONS);
    finish(loaded);
    expect(await reco.ready).toBe(loaded);
    expect(reco.model()).toBe(loaded);
  });
});

describe('recommender history on this device', () => {
  it('remembers earlier views across page loads when personalization is granted', async () => {
    const first = await setup();
    first.view('a');
    const second = await setup();
    expect(second.reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('b');
    expect(localStorage.getItem(recoHistoryKey())).toContain('"a"');
  });

  it('stores nothing with persist: false', async () => {
    const { view } = await setup(undefined, { persist: false });
    view('a');
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
  });

  it('forgets the history when personalization consent is withdrawn', async () => {
    const { client, view } = await setup();
    view('a');
    client.consent.update({ personalization: false });
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
    view('a');
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
  });

  it("stops recommending from the earlier pages' history once personalization is withdrawn, and keeps this page's events", async () => {
    const earlier = await setup();
    earlier.view('a');
    const { client, reco, view } = await setup(); // takes up ['a'] from storage
    expect(reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('b');
    client.consent.update({ personalization: false });
    expect(reco.recommend({ k: 2 }).map((r) => r.reason)).toEqual(['popular', 'popular']);
    view('c'); // in memory only, as for a shopper who never consented
    expect(reco.recommend({ k: 1, explore: 0 }).map((r) => r.reason)).toEqual(['similar-sessions']);
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
  });

  it("stores this page's events, not the earlier pages', when personalization is granted again", async () => {
    const earlier = await setup();
    earlier.view('a');
    const { client, view } = await setup();
    view('c');
    client.consent.update({ personalization: false });
    view('e');
    client.consent.update({ personalization: true });
    expect(storedItems()).toEqual(['c', 'e']);
  });

  it('adds this page\'s views to the earlier pages\' history when personalization is granted later in the page', async () => {
    const earlier = await setup();
    earlier.view('a');
    const { client, reco } = await setup(undefined, { personalization: false });
    client.deliver('Product Viewed', { product_id: 'c' });
    expect(storedItems()).toEqual(['a']);
    client.consent.update({ personalization: true });
    expect(storedItems()).toEqual(['a', 'c']);
    client.deliver('Product Viewed', { product_id: 'e' });
    expect(storedItems()).toEqual(['a', 'c', 'e']);
  });

  it('recommends from the earlier pages\' history as soon as personalization is granted', async () => {
    const earlier = await setup();
    earlier.view('a');
    const { client, reco } = await setup(undefined, { personalization: false });
    expect(reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
    client.consent.update({ personalization: true });
    expect(reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('b');
  });

  it('forgets the history on reset (a new shopper)', async () => {
    const { client, reco, view } = await setup();
    view('a');
    client.fire('reset', { anonymousId: 'new' });
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
    expect(reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
  });

  // A kiosk or a shared device: the core hands events to listeners a moment after track(),
  // while reset() fires at once.
  it("leaves the last shopper's events tracked just before reset() out of the new shopper's history", async () => {
    const reco = recommender({ model: modelOf(SESSIONS), loader: { popular: [] } });
    const sl = createSightline({ writeKey: 'k', plugins: [reco] });
    await reco.ready;
    await sl.flush();
    sl.track('Product Viewed', { product_id: 'a' });
    sl.track('Order Completed', { order_id: 'o1', products: [{ product_id: 'b' }] });
    sl.reset();
    await sl.flush();
    expect(localStorage.getItem(recoHistoryKey())).toBeNull();
    // Nothing of the last shopper: "b", which they bought, is not held back from the new one.
    expect(reco.recommend({ k: 1, explore: 0, context: ['a'] }).map((r) => r.itemId)).toEqual(['b']);
    sl.track('Product Viewed', { product_id: 'c' });
    await sl.flush();
    expect(storedItems()).toEqual(['c']);
    await sl.destroy();
  });
});

// Tabs of the shop open at the same time share the history in localStorage: after each of
// its events a tab saves it, and the browser fires `storage` in every other tab (here
// dispatched by hand, as happy-dom fires none).
describe('recommender history in tabs open at the same time', () => {
  const otherTabSaved = () => dispatchStorage(recoHistoryKey());

  it('adds to what another tab saved since this one started, instead of writing back what it read then', async () => {
    const shop = await setup();
    const cart = await setup();
    shop.view('a');
    otherTabSaved();
    // The cart tab recommends from the other tab's view already.
    expect(cart.reco.recommend({ k: 1, explore: 0 })[0]?.itemId).toBe('b');
    cart.view('c');
    expect(storedItems()).toEqual(['a', 'c']);
  });

  it("forgets the old shopper's history when another tab's reset forgot it", async () => {
    const shop = await setup();
    shop.view('a');
    // Opened after the view: it starts with the shopper's history.
    const cart = await setup();
    shop.client.fire('reset', { anonymousId: 'new' });
    otherTabSaved();
    expect(cart.reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
    cart.view('e');
    expect(storedItems()).toEqual(['e']);
  });

  it("starts over in a tab without consent when another tab's logout changes the shopper, and stores none of the last shopper's events on a grant", async () => {
    const shop = await setup();
    shop.view('a');
    const other = await setup(undefined, { personalization: false }); // its banner not answered yet
    other.view('c');
    shop.client.fire('reset', { anonymousId: 'next' });
    other.client.adopt('next'); // the core takes up the new identity from storage
    otherTabSaved();
    expect(other.reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
    other.client.consent.update({ personalization: true });
    expect(storedItems()).toEqual([]);
  });

  it('takes nothing up without personalization consent in this tab', async () => {
    const shop = await setup();
    const { client, reco } = await setup(undefined, { personalization: false });
    shop.view('a');
    otherTabSaved();
    expect(reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
  });

  it('stops taking up other tabs after teardown', async () => {
    const shop = await setup();
    const cart = await setup();
    await cart.reco.teardown?.();
    shop.view('a');
    otherTabSaved();
    expect(cart.reco.recommend({ k: 2 }).every((r) => r.tier === 'explore')).toBe(true);
  });
});
