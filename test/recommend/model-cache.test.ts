import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDB_OPEN_MS } from '../../src/storage/idb';
import type { CachedModel } from '../../src/storage/model-cache';
import { modelCache } from '../../src/storage/model-cache';
import { settle } from '../utils/transport-clock';
import { freshCacheName } from '../utils/recommend-server';
import { failIndexedDbOpenOnce, holdIndexedDbOpen, watchConnections } from '../utils/transport-store';
import { watchPromise } from '../utils/watch-promise';

const URL = 'https://models.test/m.slrm';
const entry: CachedModel = { url: URL, bytes: new Uint8Array([1, 2, 3]), etag: '"e1"', storedAt: 1 };

// Only the timers are fake: fake-indexeddb works in setImmediate turns, which settle() runs.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the model cache where IndexedDB never opens', () => {
  it('settles every call within IDB_OPEN_MS, as an empty cache', async () => {
    holdIndexedDbOpen(); // Safari's open that fires neither success nor error
    const cache = modelCache(freshCacheName());
    const calls = ([cache.get(URL), cache.put(entry), cache.touch(URL, 2), cache.delete(URL)] as Promise<unknown>[]).map((p) => watchPromise(p));
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS - 1);
    await settle();
    expect(calls.map((c) => c.settled)).toEqual([false, false, false, false]); // a slow open is waited for
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.map((c) => c.settled)).toEqual([true, true, true, true]);
    expect(calls[0]!.value).toBeUndefined();
  });

  it('answers every later call at once, as a miss, once a call has given up', async () => {
    holdIndexedDbOpen();
    const cache = modelCache(freshCacheName());
    void cache.get(URL);
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS);
    const later = ([cache.put(entry), cache.get(URL)] as Promise<unknown>[]).map((p) => watchPromise(p));
    await settle();
    expect(later).toEqual([{ settled: true, value: undefined }, { settled: true, value: undefined }]);
  });

  it('works again, with nothing broken, when the database opens late', async () => {
    const open = holdIndexedDbOpen();
    const cache = modelCache(freshCacheName());
    const first = watchPromise(cache.get(URL));
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS);
    await settle();
    expect(first).toEqual({ settled: true, value: undefined });
    open.release(); // the open under way finishes, and the get given up on runs
    await settle();
    await cache.put(entry);
    expect(await cache.get(URL)).toMatchObject({ etag: '"e1"', bytes: entry.bytes });
  });

  it('tries again when the open given up on fails late', async () => {
    const open = holdIndexedDbOpen();
    const cache = modelCache(freshCacheName());
    void cache.get(URL);
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS);
    open.fail(); // the wedged open ends with an error: the next one may well work
    await settle();
    await cache.put(entry);
    expect(await cache.get(URL)).toMatchObject({ etag: '"e1"', bytes: entry.bytes });
  });
});

describe('the model cache where an open fails', () => {
  it('opens the database anew on the next call', async () => {
    failIndexedDbOpenOnce(); // Chromium's transient "Internal error opening backing store"
    const cache = modelCache(freshCacheName());
    expect(await cache.get(URL)).toBeUndefined();
    await cache.put(entry);
    expect(await cache.get(URL)).toMatchObject({ etag: '"e1"', bytes: entry.bytes });
  });
});

describe('the model cache where the browser closes its connection', () => {
  it('opens the database anew, within the same bound as the first open', async () => {
    const connections = watchConnections();
    const cache = modelCache(freshCacheName());
    await cache.put(entry);
    connections.closeAll(); // site data cleared from DevTools, a disk failure
    holdIndexedDbOpen(); // and the reopen hangs
    const got = watchPromise(cache.get(URL));
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS);
    await settle();
    expect(got).toEqual({ settled: true, value: undefined });
  });

  it('keeps working when the reopen succeeds', async () => {
    const connections = watchConnections();
    const cache = modelCache(freshCacheName());
    await cache.put(entry);
    connections.closeAll();
    expect(await cache.get(URL)).toMatchObject({ etag: '"e1"' });
  });
});

describe('the model cache where IndexedDB opens', () => {
  it('stays in use past IDB_OPEN_MS', async () => {
    const cache = modelCache(freshCacheName());
    await cache.put(entry);
    await vi.advanceTimersByTimeAsync(IDB_OPEN_MS);
    expect(await cache.get(URL)).toMatchObject({ etag: '"e1"', bytes: entry.bytes });
  });
});
