/**
 * The persisted event queue's contract, shared by its three tiers (IndexedDB,
 * localStorage, memory). A record is a **chunk**: a few events queued in the same task,
 * stored already serialized (an event becomes JSON once, when it is queued, and is sent
 * as that same text). One record per chunk, not per event, because every IndexedDB
 * request costs a main-thread task: a burst of 1,000 events is ~20 puts, not 1,000.
 */

/** One chunk of queued events, as stored. */
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
  /** The keys (`values` false) or values of the entries from `lo` to `hi` (both included), in key order, at most `n`. */
  all<T = string>(values: boolean, lo: string, hi: string, n: number | undefined, then: (out: T[]) => void): void;
  set(key: string, value: unknown): void;
  del(key: string): void;
}

/**
 * A storage tier: runs `fn` in one transaction (read-only unless `write`) and resolves
 * with what it passed to `done` once the transaction is over; rejects when the tier
 * failed. `tx` is the IndexedDB transaction, for a write that may be aborted.
 */
export type Tier = <T = void>(write: boolean, fn: (kv: KV, done: (out: T) => void, tx?: IDBTransaction) => void) => Promise<T>;

/**
 * Claims live in one entry, `{ [key]: [owner, until] }`, under a key that sorts after
 * every record key (they start with [0-9a-z]): marking 50 records costs one put, not 50.
 */
export const CLAIMS = '~claims';

/** Below CLAIMS and above every record key: the upper bound of a range of records. */
export const LAST = '~';

/**
 * A key that sorts by time (fixed-width base-36 milliseconds, then a per-sender counter)
 * and carries the chunk's byte size and event count, so the queue's bounds are checked
 * from keys alone, without reading megabytes of values. The first event's message id
 * makes it unique across tabs.
 */
export function recordKey(time: number, seq: number, bytes: number, count: number, id: string): string {
  const b36 = (n: number, width = 0): string => n.toString(36).padStart(width, '0');
  return `${b36(time, 9)}${b36(seq, 4)}-${b36(bytes)}-${b36(count)}-${id}`;
}

const field = (key: string, i: number): number => parseInt(key.split('-')[i]!, 36) || 0;

/** The byte size carried by a {@link recordKey}: the events' JSON plus a separator each. */
export const recordBytes = (key: string): number => field(key, 1);

/** The event count carried by a {@link recordKey}. */
export const recordCount = (key: string): number => field(key, 2);

/**
 * Counts records into one batch: true while the next record (by key) still fits `max`
 * events and `bytes` bytes. The first always fits, so an oversized record is still sent
 * (and dropped).
 */
export function taker(max: number, bytes: number): (key: string) => boolean {
  let e = 0;
  let b = 0;
  return (key) => {
    const fits = !e || (e + recordCount(key) <= max && b + recordBytes(key) <= bytes);
    if (fits) (e += recordCount(key)), (b += recordBytes(key));
    return fits;
  };
}
