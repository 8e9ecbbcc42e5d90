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
  /** The sender (tab) that claimed it for sending, if any (localStorage and memory tiers). */
  c?: string;
  /** Until when (ms since epoch) that claim holds; a claim past it is free to take. */
  u?: number;
}

/** What {@link QueueStore.claim} may take in one go. */
export interface ClaimOptions {
  owner: string;
  /** At most this many events… */
  max: number;
  /** …whose JSON adds up to at most this many bytes (the first record is always taken). */
  bytes: number;
  now: number;
  /** The claim's expiry. */
  until: number;
}

/** A write in progress; `cancel()` is true when the records were not (and will not be) stored. */
export interface QueueWrite {
  done: Promise<void>;
  cancel(): boolean;
}

/** An asynchronous, shared (across tabs, where the tier allows) queue of records. */
export interface QueueStore {
  put(records: QueueRecord[]): QueueWrite;
  /** Atomically marks free records (oldest first, up to the limits) as the owner's and returns them. */
  claim(options: ClaimOptions): Promise<QueueRecord[]>;
  /** Gives claimed records back (a failed send), for any sender to take. */
  release(keys: string[]): Promise<void>;
  del(keys: string[]): Promise<void>;
  /** Every key, oldest first (for the size bound: keys carry sizes). */
  keys(): Promise<string[]>;
}

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

const field = (key: string, i: number): number => parseInt(key.split('-')[i] ?? '', 36) || 0;

/** The byte size carried by a {@link recordKey}: the events' JSON plus a separator each. */
export const recordBytes = (key: string): number => field(key, 1);

/** The event count carried by a {@link recordKey}. */
export const recordCount = (key: string): number => field(key, 2);

/**
 * Counts records into one claim: true while the next record (by key) still fits the
 * limits. The first always fits, so an oversized record is still sent (and dropped).
 */
export function taker(o: Pick<ClaimOptions, 'max' | 'bytes'>): (key: string) => boolean {
  let events = 0;
  let bytes = 0;
  return (key) => {
    const fits = !events || (events + recordCount(key) <= o.max && bytes + recordBytes(key) <= o.bytes);
    if (fits) (events += recordCount(key)), (bytes += recordBytes(key));
    return fits;
  };
}
