// @vitest-environment node
// Node's fetch, not happy-dom's: happy-dom keeps its own HTTP cache (it ignores `cache:
// 'no-store'` and answers conditional requests itself), which would hide the revalidation.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECOMMEND_ERRORS } from '../../src/recommend/errors';
import { encodeModel } from '../../src/recommend/format/encode-model';
import { loadModel } from '../../src/recommend/loader/load-model';
import type { Model } from '../../src/recommend/model/model';
import type { ModelCache } from '../../src/storage/model-cache';
import { MODEL_CACHE_OPEN_MS, modelCache } from '../../src/storage/model-cache';
import { recommender } from '../../src/recommend/recommender';
import { IDB_OPEN_MS } from '../../src/storage/idb';
import type { SightlineError } from '../../src/types';
import { recoClient } from '../utils/recommend-client';
import { fixtureInput } from '../utils/recommend-fixture';
import { flipBit, modelOf } from '../utils/recommend-model';
import { freshCacheName, modelServer } from '../utils/recommend-server';
import { settle } from '../utils/transport-clock';
import { holdIndexedDbOpen } from '../utils/transport-store';
import { watchPromise } from '../utils/watch-promise';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SESSIONS = [['a', 'b'], ['a', 'b'], ['c', 'd']];
const v1 = encodeModel({ ...fixtureInput(SESSIONS), version: 'v1' });
const v2 = encodeModel({ ...fixtureInput([...SESSIONS, ['a', 'z']]), version: 'v2' });

let srv: ReturnType<typeof modelServer>;
let cache: ModelCache;
let errors: SightlineError[];
beforeEach(() => {
  srv = modelServer(server);
  cache = modelCache(freshCacheName());
  errors = [];
});

const load = (path = '/m.slrm', o: Parameters<typeof loadModel>[1] = {}): Promise<Model> =>
  loadModel(srv.url(path), { cache, onError: (e) => errors.push(e), ...o });

describe('loadModel', () => {
  it('fetches, validates and caches a model', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    const model = await load();
    expect(model.meta).toMatchObject({ version: 'v1', source: 'network' });
    expect(await cache.get(srv.url('/m.slrm'))).toMatchObject({ etag: '"e1"', bytes: v1 });
    expect(errors).toEqual([]);
  });

  it('uses a fresh cached copy without asking the server', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    await load();
    const again = await load();
    expect(again.meta.source).toBe('cache');
    expect(srv.seen).toHaveLength(1);
  });

  it('revalidates a stale copy with If-None-Match and keeps it on 304', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    await cache.put({ url: srv.url('/m.slrm'), bytes: v1, etag: '"e1"', storedAt: 1 });
    const onUpdate = vi.fn();
    const stale = await load('/m.slrm', { onUpdate });
    expect(stale.meta).toMatchObject({ version: 'v1', source: 'cache' });
    await vi.waitFor(async () => expect((await cache.get(srv.url('/m.slrm')))!.storedAt).toBeGreaterThan(1));
    expect(srv.seen).toEqual([{ url: '/m.slrm', ifNoneMatch: '"e1"', ifModifiedSince: null }]);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('revalidates a cached copy dated ahead of the clock, as a stale one', async () => {
    // Stored while the device clock ran a year fast, since corrected: its age is unknown.
    srv.files.set('/m.slrm', { body: v2, etag: '"e2"' });
    await cache.put({ url: srv.url('/m.slrm'), bytes: v1, etag: '"e1"', storedAt: Date.now() + 365 * 24 * 3_600_000 });
    const onUpdate = vi.fn();
    expect((await load('/m.slrm', { onUpdate })).meta).toMatchObject({ version: 'v1', source: 'cache' });
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledWith(expect.objectContaining({ meta: expect.objectContaining({ version: 'v2' }) })));
    expect(srv.seen).toEqual([{ url: '/m.slrm', ifNoneMatch: '"e1"', ifModifiedSince: null }]);
  });

  it('revalidates with If-Modified-Since when the server sent no ETag', async () => {
    const lastModified = 'Wed, 01 May 2024 10:00:00 GMT';
    srv.files.set('/m.slrm', { body: v1, lastModified });
    await load();
    await load('/m.slrm', { maxAgeMs: 0 });
    await vi.waitFor(() => expect(srv.seen[1]).toMatchObject({ ifModifiedSince: lastModified, ifNoneMatch: null }));
  });

  it('hands a newer model found by revalidation to onUpdate and caches it', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    await load();
    srv.files.set('/m.slrm', { body: v2, etag: '"e2"' });
    const updated = new Promise<Model>((resolve) => void load('/m.slrm', { maxAgeMs: 0, onUpdate: resolve }));
    expect((await updated).meta.version).toBe('v2');
    await vi.waitFor(async () => expect((await cache.get(srv.url('/m.slrm')))!.etag).toBe('"e2"'));
  });

  it.each<[string, { body: Uint8Array; status?: number }, string]>([
    ['missing (404)', { body: new Uint8Array(0), status: 404 }, RECOMMEND_ERRORS.modelUnavailable],
    ['corrupt', { body: flipBit(v1, -10) }, RECOMMEND_ERRORS.modelCorrupt],
    ['truncated', { body: v1.subarray(0, v1.length - 1000) }, RECOMMEND_ERRORS.modelCorrupt],
    ['of another format version', { body: (() => { const b = v1.slice(); b[4] = 9; return b; })() }, RECOMMEND_ERRORS.modelVersion],
  ])('falls back to the popular list when the model is %s, and reports it', async (_, file, code) => {
    if (file.status !== 404) srv.files.set('/m.slrm', file);
    const model = await load('/m.slrm', { popular: ['p1', 'p2'] });
    expect(model.meta.source).toBe('fallback');
    expect(model.error?.code).toBe(code);
    expect([model.ids.idOf(0), model.ids.idOf(1)]).toEqual(['p1', 'p2']);
    expect(errors).toEqual([expect.objectContaining({ code, detail: expect.objectContaining({ url: srv.url('/m.slrm') }) })]);
    expect(await cache.get(srv.url('/m.slrm'))).toBeUndefined();
  });

  it('falls back to an empty model when the network fails and no popular list was given', async () => {
    server.use((await import('msw')).http.get('https://models.test/down.slrm', () => Response.error()));
    const model = await load('/down.slrm');
    expect([model.meta.itemCount, model.error?.code]).toEqual([0, RECOMMEND_ERRORS.modelUnavailable]);
  });

  it('replaces an unreadable cached copy with a fresh download', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    await cache.put({ url: srv.url('/m.slrm'), bytes: flipBit(v1, 100), storedAt: Date.now(), etag: '"e1"' });
    const model = await load();
    expect(model.meta.source).toBe('network');
    expect(srv.seen[0]!.ifNoneMatch).toBeNull();
    expect(errors).toEqual([]);
  });

  it('works without any cache', async () => {
    srv.files.set('/m.slrm', { body: v1 });
    expect((await load('/m.slrm', { cache: false })).meta.version).toBe('v1');
  });
});

describe('loadModel over a cache of your own', () => {
  const broken = (fail: (method: string) => unknown): ModelCache => ({
    get: () => fail('get') as never,
    put: () => fail('put') as never,
    touch: () => fail('touch') as never,
    delete: () => fail('delete') as never,
  });

  it.each<[string, ModelCache]>([
    ['rejects', broken((method) => Promise.reject(new Error(`${method} failed`)))],
    ['throws', broken((method) => { throw new Error(`${method} failed`); })],
    ['lacks methods (plain JavaScript)', {} as ModelCache],
  ])('fetches and keeps the model when the cache %s, and reports the cache once', async (_, own) => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    const model = await load('/m.slrm', { cache: own });
    expect(model.meta).toMatchObject({ version: 'v1', source: 'network' });
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.cacheFailed, source: 'user', detail: { url: srv.url('/m.slrm'), call: 'get' } })]);
  });

  it.each([['a string', 'model'], ['null', null], ['an entry without bytes', { url: 'x', storedAt: 1 }], ['text for bytes', { url: 'x', bytes: 'v1', storedAt: 1 }]])(
    'takes %s from get() for a miss, without a report',
    async (_, answer) => {
      srv.files.set('/m.slrm', { body: v1 });
      const own: ModelCache = { ...cache, get: async () => answer as never };
      expect((await load('/m.slrm', { cache: own })).meta).toMatchObject({ version: 'v1', source: 'network' });
      expect(errors).toEqual([]);
    },
  );
});

describe('loadModel over a cache of your own that never settles', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('waits for each call at most MODEL_CACHE_OPEN_MS, then goes on without the cache', async () => {
    srv.files.set('/m.slrm', { body: v1 });
    const never = new Promise<never>(() => {});
    const model = watchPromise(load('/m.slrm', { cache: { get: () => never, put: () => never, touch: () => never, delete: () => never } }));
    await vi.advanceTimersByTimeAsync(MODEL_CACHE_OPEN_MS - 1);
    await settle();
    expect([model.settled, srv.seen]).toEqual([false, []]); // a slow cache is waited for
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(srv.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MODEL_CACHE_OPEN_MS); // its put
    await settle();
    expect(model.value?.meta).toMatchObject({ version: 'v1', source: 'network' });
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.cacheFailed, detail: expect.objectContaining({ call: 'get' }) })]);
  });
});

describe('loadModel timeoutMs', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  // A timer of NaN, or longer than a browser timer takes (~24.8 days), fires at once: every
  // request failed. Infinity and a huge value wait as long as a timer can; the others, 15 s.
  it.each<[unknown, number]>([
    [Number.POSITIVE_INFINITY, 20 * 60_000],
    [2 ** 40, 20 * 60_000],
    [Number.NaN, 14_000],
    [0, 14_000],
    [-5, 14_000],
    ['soon' as never, 14_000],
  ])('waits for a slow answer with timeoutMs %s', async (timeoutMs, wait) => {
    let answer = (_: Response): void => {};
    const slow = (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch;
    const model = watchPromise(load('/m.slrm', { cache: false, fetch: slow, timeoutMs: timeoutMs as number }));
    await vi.advanceTimersByTimeAsync(wait);
    expect(model.settled).toBe(false);
    answer(new Response(v1.slice().buffer));
    await vi.waitFor(() => expect(model.value?.meta).toMatchObject({ version: 'v1', source: 'network' }));
    expect(errors).toEqual([]);
  });
});

describe('loadModel with a fetch of your own that ignores the abort signal', () => {
  // A wrapper that builds its own init, or an older polyfill: timeoutMs must still end the request.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  // What a fetch that honours the signal does when the loader's timer aborts it.
  const honouring = ((_: string, init: RequestInit) =>
    new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;

  it.each<[string, typeof fetch]>([
    ['never answers', () => new Promise<never>(() => {})],
    ['never ends the body', async () => new Response(new ReadableStream())],
  ])('gives up after timeoutMs when it %s, and reports it as a timed-out request', async (_, own) => {
    const url = srv.url('/m.slrm');
    const model = watchPromise(load('/m.slrm', { cache: false, fetch: own, timeoutMs: 1000, popular: ['p1'] }));
    await vi.advanceTimersByTimeAsync(999);
    expect(model.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(model.value?.meta).toMatchObject({ source: 'fallback', itemCount: 1 });
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.modelUnavailable, source: 'network', detail: { url } })]);
    const aborted = watchPromise(load('/m.slrm', { cache: false, fetch: honouring, timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(aborted.settled).toBe(true);
    expect(errors[1]).toEqual(errors[0]);
  });
});

describe('loadModel where IndexedDB never opens', () => {
  // Only the timers are fake: fake-indexeddb and msw work in setImmediate turns, which settle() runs.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('fetches the model once the cache has given up on the open, without a second wait to store it', async () => {
    srv.files.set('/m.slrm', { body: v1, etag: '"e1"' });
    const open = holdIndexedDbOpen(); // Safari's open that fires neither success nor error
    const model = watchPromise(load());
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS - 1);
    await settle();
    expect([model.settled, srv.seen]).toEqual([false, []]); // the cache gets its chance first
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(model.value?.meta).toMatchObject({ version: 'v1', source: 'network' });
    expect(errors).toEqual([]);
    open.release(); // opening late breaks nothing
    await settle();
    expect(await cache.get(srv.url('/m.slrm'))).toBeUndefined();
  });
});

describe('the recommender over a model URL', () => {
  it('keeps a model set with setModel when a revalidation then finds a newer one', async () => {
    await cache.put({ url: srv.url('/m.slrm'), bytes: v1, etag: '"e1"', storedAt: 1 });
    srv.files.set('/m.slrm', { body: v2, etag: '"e2"' });
    const reco = recommender({ model: srv.url('/m.slrm'), loader: { cache } });
    await recoClient().use(reco);
    expect((await reco.ready).meta.version).toBe('v1'); // stale: revalidated in the background
    const chosen = modelOf([['a', 'z']]);
    reco.setModel(chosen);
    // The newer model is handed over right after it is stored, before this read answers.
    await vi.waitFor(async () => expect((await cache.get(srv.url('/m.slrm')))!.etag).toBe('"e2"'));
    expect(reco.model()).toBe(chosen);
  });

  it('swaps in the newer model a revalidation finds when none was set', async () => {
    await cache.put({ url: srv.url('/m.slrm'), bytes: v1, etag: '"e1"', storedAt: 1 });
    srv.files.set('/m.slrm', { body: v2, etag: '"e2"' });
    const reco = recommender({ model: srv.url('/m.slrm'), loader: { cache } });
    await recoClient().use(reco);
    await reco.ready;
    await vi.waitFor(() => expect(reco.model().meta.version).toBe('v2'));
  });
});
