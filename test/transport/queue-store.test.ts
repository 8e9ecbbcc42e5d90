import { afterEach, describe, expect, it, vi } from 'vitest';
import { idbTier } from '../../src/storage/idb';
import { recordBytes, recordCount, recordKey } from '../../src/storage/kv';
import type { QueueRecord, Tier } from '../../src/storage/kv';
import { createLease } from '../../src/storage/queue-lease';
import { localTier } from '../../src/storage/queue-local';
import { memoryTier } from '../../src/storage/queue-map';
import { claim as claimIn, free, put, trim } from '../../src/storage/queue-ops';
import { createQueueStore } from '../../src/storage/queue-store';
import { storedKeys } from '../utils/transport-store';
import { freshQueue } from '../utils/transport-tab';

/** A chunk of `count` events of `bytes` bytes in all, queued at `time`. */
const rec = (time: number, seq: number, bytes = 10, count = 1): QueueRecord => ({
  k: recordKey(time, seq, bytes, count, `id-${time}-${seq}`),
  j: Array.from({ length: count }, () => '{}'),
});
const claim = (store: Tier, owner: string, max = 10, now = 1_000) => claimIn(store, owner, max, 1e9, now, now + 60_000);

const tiers: [string, () => Tier][] = [
  ['IndexedDB', () => idbTier(freshQueue())],
  ['localStorage', () => localTier(`${freshQueue()}:q`)],
  ['memory', () => memoryTier()],
];

describe('record keys', () => {
  it('sort by time, then by sequence, and carry the byte size and event count', () => {
    const keys = [recordKey(2_000, 1, 5, 1, 'b'), recordKey(1_000, 2, 70_000, 50, 'a-1'), recordKey(1_000, 10, 1, 3, 'c')];
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]]);
    expect(keys.map(recordBytes)).toEqual([5, 70_000, 1]);
    expect(keys.map(recordCount)).toEqual([1, 50, 3]);
  });
});

describe.each(tiers)('the %s tier', (_, open) => {
  afterEach(() => localStorage.clear());

  it('claims oldest first, never the same record for two owners', async () => {
    const store = open();
    await put(store, [rec(3, 0), rec(1, 0), rec(2, 0)]).done;
    const a = await claim(store, 'tab-a', 2);
    const b = await claim(store, 'tab-b', 2);
    expect(a.map((r) => r.k)).toEqual([rec(1, 0).k, rec(2, 0).k]);
    expect(b.map((r) => r.k)).toEqual([rec(3, 0).k]);
    expect(await claim(store, 'tab-b')).toHaveLength(1); // its own claim it may take again
  });

  it('frees a claim once it expired', async () => {
    const store = open();
    await put(store, [rec(1, 0)]).done;
    await claim(store, 'tab-a', 10, 1_000);
    expect(await claim(store, 'tab-b', 10, 60_999)).toHaveLength(0);
    expect(await claim(store, 'tab-b', 10, 61_000)).toHaveLength(1);
  });

  it('claims whole chunks up to maxEvents events', async () => {
    const store = open();
    await put(store, [rec(1, 0, 10, 30), rec(2, 0, 10, 15), rec(3, 0, 10, 10)]).done;
    expect((await claim(store, 'a', 50)).map((r) => r.j.length)).toEqual([30, 15]);
  });

  it('gives claims back on release', async () => {
    const store = open();
    await put(store, [rec(1, 0)]).done;
    await claim(store, 'a');
    await free(store, [rec(1, 0).k]);
    expect(await claim(store, 'b')).toHaveLength(1);
  });

  it('claims up to the byte budget, but always at least one record', async () => {
    const store = open();
    await put(store, [rec(1, 0, 600), rec(2, 0, 600), rec(3, 0, 600)]).done;
    const first = await claimIn(store, 'a', 10, 1_000, 0, 1);
    expect(first).toHaveLength(1);
    const big = open();
    await put(big, [rec(1, 0, 5_000)]).done;
    expect(await claimIn(big, 'a', 10, 1_000, 0, 1)).toHaveLength(1);
  });

  it('deletes and lists keys oldest first', async () => {
    const store = open();
    await put(store, [rec(2, 0), rec(1, 0), rec(3, 0)]).done;
    await free(store, [rec(2, 0).k], true);
    expect(await storedKeys(store)).toEqual([rec(1, 0).k, rec(3, 0).k]);
  });

  it('trims to the bounds by dropping the oldest', async () => {
    const store = open();
    await put(store, [1, 2, 3, 4].map((t) => rec(t, 0, 100))).done;
    expect(await trim(store, 3, 1e9)).toEqual([3, 1]);
    expect(await trim(store, 10, 150)).toEqual([1, 2]);
    expect(await storedKeys(store)).toEqual([rec(4, 0, 100).k]);
    await put(store, [rec(5, 0, 10, 4)]).done;
    expect(await trim(store, 4, 1e9)).toEqual([4, 1]); // whole chunks go
  });
});

describe('IndexedDB writes', () => {
  it('are not stored when cancelled before they commit', async () => {
    const store = idbTier(freshQueue());
    await storedKeys(store); // the database is open
    const write = put(store, [rec(1, 0)]);
    expect(write.cancel()).toBe(true);
    await write.done.catch(() => {});
    expect(await storedKeys(store)).toEqual([]);
  });

  it('report that a committed write cannot be cancelled', async () => {
    const store = idbTier(freshQueue());
    const write = put(store, [rec(1, 0)]);
    await write.done;
    expect(write.cancel()).toBe(false);
    expect(await storedKeys(store)).toHaveLength(1);
  });
});

describe('records sent at page exit (spilled with no events)', () => {
  afterEach(() => localStorage.clear());

  it('are deleted from IndexedDB by the next page when only that note survived', async () => {
    const name = freshQueue();
    const sent = rec(1, 0);
    const kept = rec(2, 0);
    const page = createQueueStore(name, () => {});
    await put(page.tx, [sent, kept]).done;
    page.spill([{ k: sent.k, j: [] }]); // the page died before the IndexedDB delete committed
    const next = createQueueStore(name, () => {});
    await next.absorb();
    expect(await storedKeys(next.tx)).toEqual([kept.k]);
    expect(localStorage.getItem(`${name}:q`)).toBeNull();
  });

  it('are unclaimed by the next page when the page that claimed them spilled them as it went', async () => {
    const name = freshQueue();
    const held = rec(1, 0);
    const page = createQueueStore(name, () => {});
    await put(page.tx, [held]).done;
    expect(await claim(page.tx, 'gone')).toEqual([held]); // its unclaim never committed
    page.spill([held]);
    const next = createQueueStore(name, () => {});
    await next.absorb();
    expect(await claim(next.tx, 'next')).toEqual([held]);
  });
});

describe('the localStorage lease', () => {
  afterEach(() => vi.useRealTimers());

  it('lets one holder at a time, renews for its holder, and frees itself at expiry', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const a = createLease('lease', 'a', 10_000);
    const b = createLease('lease', 'b', 10_000);
    expect(a(true)).toBe(true);
    expect(b(true)).toBe(false);
    vi.advanceTimersByTime(9_000);
    expect(a(true)).toBe(true); // heartbeat
    vi.advanceTimersByTime(9_000);
    expect(b(true)).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect(b(true)).toBe(true);
    a(false); // not a's any more: stays b's
    expect(a(true)).toBe(false);
    b(false);
    expect(a(true)).toBe(true);
  });
});
