import { afterEach, describe, expect, it, vi } from 'vitest';
import { idbTier, pauseReads } from '../../src/storage/idb';
import { fit, recordKey } from '../../src/storage/queue-kv';
import type { QueueRecord, Tier } from '../../src/storage/queue-kv';
import { createLease } from '../../src/storage/queue-lease';
import { localTier } from '../../src/storage/queue-local';
import { memoryTier } from '../../src/storage/queue-map';
import { apply, note, take } from '../../src/storage/queue-ops';
import { createQueueStore } from '../../src/storage/queue-store';
import { breakLocalStorage, fillIndexedDb, queuedIn, savedIn, storedKeys } from '../utils/transport-store';
import { addPrototypeJsToJson } from '../utils/prototype-js';
import { freshQueue } from '../utils/transport-tab';

/** A chunk of `count` events of `bytes` bytes in all, queued at `time`. */
const rec = (time: number, bytes = 10, count = 1): QueueRecord => ({
  k: recordKey(1e12 + time, bytes, count, `tab-${time}`),
  j: Array.from({ length: count }, () => '{}'),
});
/** The records of the next batch of at most `max` events (and `bytes` bytes). */
const batch = async (store: Tier, max = 10, bytes = 1e9) => (await take(store, max, bytes))[0];
/** What trimming to the bounds keeps and cuts, in events. */
const trim = async (store: Tier, events: number, bytes: number) => {
  const [, kept, cut] = await take(store, 0, 0, () => [events, bytes]);
  return [kept, fit(cut)[1]];
};

const tiers: [string, () => Tier][] = [
  ['IndexedDB', () => idbTier(freshQueue())],
  ['localStorage', () => localTier(`${freshQueue()}:q:`)],
  ['memory', () => memoryTier()],
];

describe('record keys', () => {
  it('sort by time and carry the byte size and event count', () => {
    const keys = [recordKey(1_700_000_002_000, 5, 1, 'b'), recordKey(1_700_000_001_000, 70_000, 50, 'a-1'), recordKey(1_700_000_001_001, 1, 3, 'c')];
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]]);
    expect(keys.map((k) => fit([k]).slice(1))).toEqual([
      [1, 5],
      [50, 70_000],
      [3, 1],
    ]);
  });
});

describe.each(tiers)('the %s tier', (_, open) => {
  afterEach(() => localStorage.clear());

  it('reads the oldest first', async () => {
    const store = open();
    await apply(store, [rec(3), rec(1), rec(2)]);
    expect(await batch(store, 2)).toEqual([rec(1), rec(2)]);
  });

  it('reads whole chunks up to maxEvents events', async () => {
    const store = open();
    await apply(store, [rec(1, 10, 30), rec(2, 10, 15), rec(3, 10, 10)]);
    expect((await batch(store, 50)).map((r) => r.j.length)).toEqual([30, 15]);
  });

  it('reads up to the byte budget, but always at least one record', async () => {
    const store = open();
    await apply(store, [rec(1, 600), rec(2, 600), rec(3, 600)]);
    expect(await batch(store, 10, 1_000)).toHaveLength(1);
    const big = open();
    await apply(big, [rec(1, 5_000)]);
    expect(await batch(big, 10, 1_000)).toHaveLength(1);
  });

  it('deletes the records notes name, and lists keys oldest first', async () => {
    const store = open();
    await apply(store, [rec(2), rec(1), rec(3)]);
    await apply(store, [note(rec(2).k)]);
    expect(await storedKeys(store)).toEqual([rec(1).k, rec(3).k]);
  });

  it('trims to the bounds by dropping the oldest', async () => {
    const store = open();
    await apply(store, [1, 2, 3, 4].map((t) => rec(t, 100)));
    expect(await trim(store, 3, 1e9)).toEqual([3, 1]);
    expect(await trim(store, 10, 150)).toEqual([1, 2]);
    expect(await storedKeys(store)).toEqual([rec(4, 100).k]);
    await apply(store, [rec(5, 10, 4)]);
    expect(await trim(store, 4, 1e9)).toEqual([4, 1]); // whole chunks go
  });
});

describe('an IndexedDB transaction', () => {
  // A page frozen in the back/forward cache takes no answers: a transaction left to
  // auto-commit would wait for it, holding the store, and the next page's transactions would
  // wait behind it (Chromium evicts the frozen page then).
  const commits = (): string[] => {
    const order: string[] = [];
    const commit = IDBTransaction.prototype.commit;
    vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
      order.push('commit');
      commit.call(this);
    });
    return order;
  };
  afterEach(() => void vi.restoreAllMocks());

  it('asks to commit in the task that wrote, before any answer', async () => {
    const order = commits();
    const store = idbTier(freshQueue());
    await store((kv) => (kv.set(rec(1).k, rec(1)), kv.del(rec(2).k), order.push('written')));
    expect(order).toEqual(['written', 'commit']);
    expect(await batch(store)).toEqual([rec(1)]);
  });

  it('that reads asks to commit once no read is pending: a read answered may ask for more', async () => {
    const order = commits();
    const store = idbTier(freshQueue());
    await apply(store, [rec(1), rec(2)]);
    order.length = 0;
    const values = await store<QueueRecord[]>((kv, done) =>
      kv.all(false, undefined, (keys) => {
        order.push(`read ${keys.length} keys`);
        kv.del(keys[0]!);
        kv.all<QueueRecord>(true, undefined, (all) => (order.push('read values'), done(all)));
      }),
    );
    expect(order).toEqual(['read 2 keys', 'read values', 'commit']);
    expect(values).toEqual([rec(2)]);
  });

  describe('under way at pagehide', () => {
    afterEach(() => pauseReads(false));

    it('that waits for a read is undone, leaving the store to the next page, and runs again once the page is shown', async () => {
      const name = freshQueue();
      const store = idbTier(name);
      await apply(store, [rec(1)]);
      let answered = false;
      let runs = 0;
      // The page hides as the read is under way (the first time only).
      const read = store<string[]>((kv, done) => (kv.all(false, undefined, done), runs++ || queueMicrotask(() => pauseReads(true))));
      void read.then(() => (answered = true));
      // The next page writes: its transaction is not kept waiting behind the paused read.
      await apply(idbTier(name), [rec(2)]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(answered).toBe(false);
      pauseReads(false);
      expect(await read).toEqual([rec(1).k, rec(2).k]);
      expect(runs).toBe(2);
    });

    it('that only writes commits', async () => {
      const store = idbTier(freshQueue());
      await store((kv) => (kv.set(rec(1).k, rec(1)), queueMicrotask(() => pauseReads(true))));
      pauseReads(false);
      expect(await batch(store)).toEqual([rec(1)]);
    });
  });
});

describe('records sent at page exit (spilled as notes)', () => {
  afterEach(() => localStorage.clear());

  it('are deleted from IndexedDB by the next page when only that note survived', async () => {
    const name = freshQueue();
    const sent = rec(1);
    const kept = rec(2);
    const page = createQueueStore(name, () => {});
    await apply(page.tx, [sent, kept]);
    page.spill([note(sent.k)]); // the page died before the IndexedDB delete committed
    const next = createQueueStore(name, () => {});
    await next.absorb();
    expect(await storedKeys(next.tx)).toEqual([kept.k]);
    expect(savedIn(name)).toEqual([]);
  });

  it('are stored in IndexedDB by the next page when the page saved them as it went', async () => {
    const name = freshQueue();
    const page = createQueueStore(name, () => {});
    page.spill([rec(1)]);
    const next = createQueueStore(name, () => {});
    await next.absorb();
    expect(await batch(next.tx)).toEqual([rec(1)]);
    expect(savedIn(name)).toEqual([]);
  });
});

describe('a queue that stepped down from a full IndexedDB', () => {
  afterEach(() => (localStorage.clear(), vi.restoreAllMocks()));

  /** Two tabs of the queue `name`: `full` stepped down to localStorage as IndexedDB filled, `other` not yet (its writes fitted). */
  const twoTabs = async (stored: QueueRecord[]) => {
    const name = freshQueue();
    const other = createQueueStore(name, () => {});
    await apply(other.tx, stored);
    fillIndexedDb();
    const full = createQueueStore(name, () => {});
    await apply(full.tx, [rec(9)]);
    expect(full.tier()).toBe('localstorage');
    return { name, other, full };
  };
  /** Every batch its send cycles would read, delivering each (drained tiers moved past). */
  const deliverAll = async (store: ReturnType<typeof createQueueStore>) => {
    const sent: string[] = [];
    for (;;) {
      const records = await batch(store.source);
      if (!records.length && !store.drained()) return sent;
      sent.push(...records.flatMap((r) => r.j.length ? [r.k] : ['(a note read as a batch)']));
      await store.finish(records.map((r) => note(r.k)));
    }
  };

  it('loses no chunk that a tab still in IndexedDB moves there from localStorage as this one takes the same list in', async () => {
    const { other, full } = await twoTabs([]);
    vi.restoreAllMocks(); // the other tab's write fits: it was asked for before the disk filled
    const saved = rec(5);
    other.spill([saved, note(rec(6).k)]); // an exit saved one chunk and beaconed another
    // Both read the list; the other tab stores its chunks in IndexedDB and deletes them from
    // localStorage, as this one takes the note in. Before, this one then deleted in IndexedDB
    // the copies of every chunk it had read: the only ones left.
    await Promise.all([other.absorb(), full.absorb()]);
    expect(await deliverAll(full)).toEqual([saved.k, rec(9).k]);
  });

  it("takes in the notes of a tab that has not stepped down: what they name is not sent again from IndexedDB, and no note is read as a batch", async () => {
    const beaconed = rec(1);
    const { name, other, full } = await twoTabs([beaconed, rec(2)]);
    other.spill([note(beaconed.k)]); // its exit beaconed that chunk
    expect(full.noted([beaconed.k])).toBe(true);
    await full.absorb();
    expect(JSON.stringify(savedIn(name))).not.toContain('"j":[]');
    expect(await deliverAll(full)).toEqual([rec(2).k, rec(9).k]);
  });

  it('deletes both copies of a chunk a page exit saved while its write committed, once delivered', async () => {
    const twice = rec(1);
    const { name, other, full } = await twoTabs([twice]);
    other.spill([twice]); // saved at its exit as the write was under way; the write committed
    await full.absorb(); // IndexedDB is full: it stays where it was saved
    expect(await deliverAll(full)).toEqual([twice.k, rec(9).k]);
    expect(await queuedIn(name)).toEqual([]);
    expect(savedIn(name)).toEqual([]);
  });

  it('stores the rest of a batch read from IndexedDB in localStorage, and still reads what IndexedDB holds after it', async () => {
    const { name, full } = await twoTabs([rec(1, 10, 2), rec(2)]);
    const [first] = await batch(full.source, 2);
    const rest = rec(3); // what is left of it after a failure: one of its two events
    await full.finish([note(first!.k), rest]);
    expect(await queuedIn(name)).toEqual([rec(2).k]);
    expect(await deliverAll(full)).toEqual([rec(2).k, rec(3).k, rec(9).k]);
  });

  it('deletes a batch in IndexedDB when storing the rest of it is what steps the queue down', async () => {
    const { name, other } = await twoTabs([rec(1, 10, 2), rec(2)]);
    const [first] = await batch(other.source, 2);
    await other.finish([note(first!.k), rec(3)]);
    expect(other.tier()).toBe('localstorage');
    expect(await queuedIn(name)).toEqual([rec(2).k]);
    expect(await deliverAll(other)).toEqual([rec(2).k, rec(3).k, rec(9).k]);
  });

  it('keeps the note of a chunk an exit beaconed while it took notes in: the chunk is not written back', async () => {
    const { name, other, full } = await twoTabs([rec(1)]);
    other.spill([note(rec(1).k)]); // another tab's exit, before this one stepped down
    const absorbing = full.absorb(); // reads the list, then deletes in IndexedDB
    full.spill([note(rec(9).k)]); // meanwhile this tab's exit beacons its chunk
    await absorbing;
    expect(JSON.stringify(savedIn(name))).not.toContain('"j":["');
    await full.absorb();
    expect(await deliverAll(full)).toEqual([]);
  });

  it('writes nothing back into localStorage when taking its list in is what steps a tab down: a note saved meanwhile stays', async () => {
    const { name, other, full } = await twoTabs([]);
    // `other` has not stepped down: it takes the list in to move it into IndexedDB, which is full.
    const absorbing = other.absorb();
    full.spill([note(rec(9).k)]); // meanwhile the tab that stored rec(9) there beacons it at its exit
    await absorbing;
    expect(other.tier()).toBe('localstorage');
    expect(JSON.stringify(savedIn(name))).not.toContain('"j":["');
    await other.absorb();
    expect(await deliverAll(other)).toEqual([]);
  });

  it('bounds IndexedDB and localStorage as one queue: the oldest keys past the bound wherever they are, a chunk held in both once', async () => {
    const twice = rec(2, 10, 2);
    const { other, full } = await twoTabs([rec(1), twice, rec(3)]);
    other.spill([twice]); // saved at an exit as its write committed: held in both tiers
    // Five events (rec(9) in localStorage is the newest), three may stay: rec(1) and `twice` go.
    const [records, kept, cut] = await full.take(10, 1e9, () => [3, 1e9]);
    expect([kept, cut.sort()]).toEqual([2, [rec(1).k, twice.k]]);
    // Not deleted yet, so the batch read from IndexedDB may hold them (the cycle reads it again once it deleted them).
    expect(records.map((r) => r.k)).toEqual([rec(1).k, twice.k, rec(3).k]);
    await full.finish(cut.map(note));
    expect(await deliverAll(full)).toEqual([rec(3).k, rec(9).k]);
  });

  it('asks for its bounds across the tiers once the batch is read: a tab lock that went while it was read bounds nothing', async () => {
    const { full } = await twoTabs([rec(1), rec(2), rec(3)]);
    // Holding the tab lock until the page hides; the collector's bounds are there only while it holds it.
    let holds = true;
    const bounds = (): [number, number] | [] => (holds ? [2, 1e9] : []);
    // The page hides (and lets the lock go) as the batch is read from IndexedDB, after the keys
    // were; it comes back from the back/forward cache, and the read runs again.
    const getAll = IDBObjectStore.prototype.getAll;
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementationOnce(function (this: IDBObjectStore, ...args) {
      const request = getAll.apply(this, args);
      pauseReads(!(holds = false));
      setTimeout(() => pauseReads(false));
      return request;
    });
    // Another tab holds the lock now, and bounds (and reports) the queue itself. Before, this
    // one cut with the bounds it had asked for before the read, and reported them lost too.
    const [records, kept, cut] = await full.take(10, 1e9, bounds);
    expect({ kept, cut }).toEqual({ kept: 4, cut: [] });
    expect(records.map((r) => r.k)).toEqual([rec(1).k, rec(2).k, rec(3).k]);
  });

  it('counts for nothing, in the bound it holds across the tiers, the note an exit saved in place of a chunk it beaconed', async () => {
    const { full } = await twoTabs([]);
    const beaconed = rec(10, 10, 5);
    await apply(full.tx, [beaconed]);
    full.spill([note(beaconed.k)]);
    // rec(9), one event, is all the queue holds: within a bound of two.
    const [, kept, cut] = await full.take(10, 1e9, () => [2, 1e9]);
    expect({ kept, cut }).toEqual({ kept: 1, cut: [] });
  });

  it("counts as noted below IndexedDB only another tab's notes, not the records of the queue", async () => {
    const { other, full } = await twoTabs([]);
    expect(full.noted([rec(9).k])).toBe(false);
    other.spill([note(rec(1).k)]);
    expect(full.noted([rec(9).k, rec(1).k])).toBe(true);
  });
});

describe('notes a page exit saved in the localStorage queue, in place of the chunks it beaconed', () => {
  afterEach(() => localStorage.clear());

  /** The queue on localStorage: `stored` written, then `beaconed` replaced by their notes (as an exit saves them). */
  const queueWithNotes = async (stored: QueueRecord[], beaconed: QueueRecord[]) => {
    const name = freshQueue();
    const store = createQueueStore(name, () => {});
    const local = localTier(`${name}:q:`);
    await apply(local, stored.concat(beaconed));
    store.spill(beaconed.map((r) => note(r.k)));
    return { store, local };
  };

  it('count for nothing in the bound: no chunk the queue holds is cut for them, and none of them is cut as lost', async () => {
    // One event stored, five beaconed: the queue holds one event, within a bound of two.
    const { local } = await queueWithNotes([rec(1)], [rec(2, 10, 5)]);
    const [records, kept, cut] = await take(local, 10, 1e9, () => [2, 1e9]);
    expect({ kept, cut }).toEqual({ kept: 1, cut: [] });
    expect(records.map((r) => r.k)).toContain(rec(1).k);
  });
});

describe('the localStorage tier beside what another script or an old version left under its prefix', () => {
  afterEach(() => localStorage.clear());

  const old = rec(1);
  it.each([
    ['invalid JSON', '{"truncated'],
    ['a JSON object', '{"a":1}'],
    ['a record under a key not its own', JSON.stringify({ k: 'other', j: [] })],
    ['a list of records, as one key held the queue before', JSON.stringify([[old.k, old]])],
  ])('ignores %s, keeps the records beside it, and leaves it as it is', async (_, text) => {
    const prefix = `${freshQueue()}:q:`;
    const foreign = `${prefix}${rec(9).k}`;
    localStorage.setItem(foreign, text);
    localStorage.setItem(`${prefix}${old.k}`, JSON.stringify(old));
    const store = localTier(prefix);
    await apply(store, [rec(2)]);
    expect(await batch(store)).toEqual([old, rec(2)]);
    expect(localStorage.getItem(foreign)).toBe(text);
    expect(JSON.parse(localStorage.getItem(`${prefix}${rec(2).k}`)!)).toEqual(rec(2));
  });
});

describe('the localStorage tier read by a tab whose copy of localStorage is late', () => {
  afterEach(() => localStorage.clear());

  /**
   * From now on this tab reads localStorage as it is now: what other tabs write after
   * this reaches its renderer late (Chromium gives each renderer a copy that other
   * processes' writes reach a few milliseconds late). Its own writes go through.
   */
  const lateCopy = () => {
    const copy = new Map(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).map((k) => [k, localStorage.getItem(k)!]));
    const spies = [
      vi.spyOn(localStorage, 'getItem').mockImplementation((k) => copy.get(k) ?? null),
      vi.spyOn(localStorage, 'key').mockImplementation((i) => [...copy.keys()][i] ?? null),
    ];
    // Restored by hand: vi.restoreAllMocks() leaves spies on happy-dom's localStorage (a Proxy) in place.
    return () => spies.forEach((spy) => spy.mockRestore());
  };

  it("writes back only the records it changed: another tab's save it has not seen yet stays", async () => {
    const prefix = `${freshQueue()}:q:`;
    await apply(localTier(prefix), [rec(1)]);
    const caughtUp = lateCopy();
    // Another tab saves a chunk; this tab, not seeing it yet, deletes the chunk it delivered.
    localStorage.setItem(`${prefix}${rec(2).k}`, JSON.stringify(rec(2)));
    await apply(localTier(prefix), [note(rec(1).k)]);
    caughtUp();
    expect(await batch(localTier(prefix))).toEqual([rec(2)]);
  });
});

describe('the localStorage tier on a page whose Prototype.js gave Array.prototype a toJSON', () => {
  let undo = (): void => {};
  afterEach(() => (undo(), localStorage.clear()));

  it('writes its records with their events as lists, which the next page reads back whole', async () => {
    undo = addPrototypeJsToJson();
    const prefix = `${freshQueue()}:q:`;
    await apply(localTier(prefix), [rec(1, 10, 2)]);
    await apply(localTier(prefix), [rec(2)]);
    expect(await batch(localTier(prefix))).toEqual([rec(1, 10, 2), rec(2)]);
    undo();
    expect(JSON.parse(localStorage.getItem(`${prefix}${rec(1, 10, 2).k}`)!)).toEqual(rec(1, 10, 2));
  });
});

describe("the newest chunk of another tab's that a sender took", () => {
  afterEach(() => localStorage.clear());

  it('is the time in its key, seen by every tab, and never moves back', () => {
    const name = freshQueue();
    const sender = createQueueStore(name, () => {});
    const other = createQueueStore(name, () => {});
    expect(other.taken()).toBe(0);
    sender.took(rec(5).k);
    expect(other.taken()).toBe(1e12 + 5);
    // A chunk an exit saved with its old key, taken after a newer one: what was taken stays taken.
    other.took(rec(2).k);
    expect(sender.taken()).toBe(1e12 + 5);
    sender.took(rec(9).k);
    expect(other.taken()).toBe(1e12 + 9);
  });

  it('is 0, and noting it throws nothing, without localStorage', () => {
    breakLocalStorage();
    const store = createQueueStore(freshQueue(), () => {});
    expect(() => store.took(rec(5).k)).not.toThrow();
    expect(store.taken()).toBe(0);
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
