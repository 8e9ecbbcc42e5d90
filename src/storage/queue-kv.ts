/**
 * The persisted event queue's contract, shared by its three tiers (IndexedDB,
 * localStorage, memory). A record is a **chunk**: the events queued in one task (at most
 * one batch), stored already serialized (an event becomes JSON once, when it is queued,
 * and is sent as that same text). One record per chunk, not per event, because every
 * IndexedDB request costs a main-thread task: a burst of 1,000 events is ~20 puts.
 */

/** One chunk of queued events, as stored. A record with no events is a *note*: delete key `k`. */
export interface QueueRecord {
  /** Key: sorts oldest first and carries the chunk's size and event count (see {@link recordKey}). */
  k: string;
  /** The events, each serialized once. */
  j: string[];
}

/**
 * What a tier offers inside one transaction. Answers come through callbacks (not
 * promises), so IndexedDB requests chain inside one transaction in every browser, and the
 * synchronous tiers answer at once.
 */
export interface KV {
  /**
   * The first `n` keys (`values` false) or values (all without `n`), in key order. Keys are
   * those of records that hold events: a note stored as a record (localStorage, see
   * queue-map) has none to count. IndexedDB never stores one.
   */
  all<T = string>(values: boolean, n: number | undefined, then: (out: T[]) => void): void;
  set(key: string, value: unknown): void;
  del(key: string): void;
}

/**
 * A storage tier: runs `fn` in one read-write transaction and resolves with what it passed
 * to `done` once the transaction is over; rejects (or throws, for the synchronous tiers)
 * when the tier failed.
 */
export type Tier = <T = void>(fn: (kv: KV, done: (out: T) => void) => void) => Promise<T>;

/**
 * A key that sorts by time (a tab's own records by a time that grows by at least 1 ms per
 * chunk: 13 digits until the year 2286) and carries the chunk's byte size and event count,
 * so the queue's bounds are checked from keys alone, without reading megabytes of values.
 * The tab's id makes it unique across tabs.
 */
export const recordKey = (time: number, bytes: number, count: number, tab: string): string => `${time}-${bytes}-${count}-${tab}`;

/** The time a {@link recordKey} starts with; NaN for what is no key. */
export const keyTime = (key: string): number => parseInt(key);

/**
 * How many of `keys`, from the first, fit in `events` events and `bytes` bytes (the first
 * always does, so an oversized record still leaves, and is dropped), and the events and
 * bytes they carry. Without bounds: the totals.
 */
export const fit = (keys: string[], events = Infinity, bytes = Infinity): [keys: number, events: number, bytes: number] => {
  let n = 0;
  let e = 0;
  let b = 0;
  for (const key of keys) {
    const [, kb, ke] = key.split('-');
    if (n && (e + +ke! > events || b + +kb! > bytes)) break;
    n++;
    e += +ke!;
    b += +kb!;
  }
  return [n, e, b];
};
