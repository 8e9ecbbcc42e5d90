import { addListener } from '../lib/add-listener';
import { idbTier } from './idb';
import { fit, keyTime } from './queue-kv';
import type { QueueRecord, Tier } from './queue-kv';
import { localTier } from './queue-local';
import { memoryTier } from './queue-map';
import { apply, note, take } from './queue-ops';
import { readStorage, writeStorage } from './web-storage';

/** Where the queue currently lives. */
export type QueueTier = 'indexeddb' | 'localstorage' | 'memory';

/** The persisted queue: one {@link Tier} over a chain of tiers, plus the page-exit spill. */
export interface QueueChain {
  tx: Tier;
  /**
   * Where send cycles read: first a tier the queue stepped down from because it was full
   * (`QuotaExceededError`), while it holds records (a full store still reads and deletes);
   * then {@link tx}.
   */
  source: Tier;
  /**
   * One step of a send cycle (see queue-ops `take`) over {@link source}. Below a tier left
   * for being full, while it holds records, the queue is that tier and every one after it:
   * `bounds` hold for them as one, the oldest keys past them wherever they are (one key once,
   * where a chunk is held twice). Those are not deleted there (see {@link finish}), and the
   * batch may hold some of them: read it again once they are. `bounds` is asked for once the
   * keys and the batch are read (see queue-ops `take`).
   */
  take(max: number, bytes: number, bounds?: () => [events: number, bytes: number] | []): ReturnType<typeof take>;
  /**
   * Applies what a delivered batch leaves (the notes of its chunks, and the chunk of what is
   * left of it before a retry) to {@link tx}, and deletes its keys in every tier left for
   * being full: below IndexedDB a chunk may be held twice, where a page exit saved it and
   * where its write committed.
   */
  finish(records: QueueRecord[]): Promise<void>;
  /** A read of {@link source} found nothing: true if it moved on to the next tier (read again). */
  drained(): boolean;
  tier(): QueueTier;
  /** Saves records (and notes) synchronously to localStorage (page exit); false if that failed. */
  spill(records: QueueRecord[]): boolean;
  /**
   * Moves what earlier pages or other tabs spilled into the current tier: records are
   * stored, notes delete the records they name (sent at page exit, before IndexedDB could
   * commit deleting them).
   */
  absorb(): Promise<void>;
  /**
   * Notes that a send cycle took a chunk another tab stored, `key` the newest such chunk
   * of its batch. That tab may still hold it in memory to beacon at its exit (an IndexedDB
   * read would not finish then): {@link taken} tells it not to.
   */
  took(key: string): void;
  /**
   * The time in the newest key another tab's sender took, across tabs (0 when none, or
   * without localStorage). A tab's chunk keyed at or before it may be on its way already:
   * stored, it is not beaconed at exit; one keyed later cannot have been taken.
   */
  taken(): number;
  /**
   * Whether page exits saved anything under one of `keys` since the last {@link absorb} (a
   * note: the chunk was beaconed), read synchronously: a batch read meanwhile is read again.
   * Below IndexedDB only notes count (there `<name>:q:` is the queue itself): those of a tab
   * that has not stepped down yet.
   */
  noted(keys: string[]): boolean;
  /**
   * Calls `fn` when another tab saves events under `<name>:q:` (at its exit: a closed tab, a
   * reload whose next page is slow), or {@link wake}s the others, so a tab already open
   * sends them instead of waiting for its own next event. Only notes saved: no call.
   * Returns the function that stops it.
   */
  spills(fn: () => void): () => void;
  /** Tells the other tabs (see {@link spills}) that this one goes and leaves stored events unsent. */
  wake(): void;
}

const TIERS: QueueTier[] = ['indexeddb', 'localstorage', 'memory'];

/**
 * Opens the queue `name`: IndexedDB first; when a tier throws (missing, private mode,
 * quota) the transaction is redone on the next one and `onDowngrade` is told once per
 * step. Records already in a tier that was full are sent from there (see `source`); those
 * in one that failed otherwise stay there for the next page that can read it.
 */
export const createQueueStore = (name: string, onDowngrade: (from: QueueTier, to: QueueTier, error: unknown) => void): QueueChain => {
  // Each record its own item (see localTier); `<name>:q:` for short in the comments here.
  const queued = `${name}:q:`;
  const local = localTier(queued);
  // The newest key taken (see took): its time is the mark.
  const mark = `${name}:taken`;
  const taken = (): number => keyTime(readStorage(mark)!) || 0;
  const tiers = [idbTier(name), local, memoryTier()];
  let at = 0;
  // The tier send cycles read (see source): below `at` while a tier left for being full may
  // hold records. Otherwise they would wait for a page that can write there again, or, read
  // by a page before its first write failed, go again with every page (their deletes done
  // on the lower tier).
  let from = 0;
  // Tiers left for being full: they still read and delete.
  const full: boolean[] = [];
  /**
   * Applies the notes among `records` in the tiers left for being full: a chunk delivered or
   * beaconed may be held there too. Not a chunk's copy there: it may be the only one (another
   * tab may have just moved it there from localStorage, and be deleting it here); the sender
   * reads those tiers first, and deletes what it delivers in both (finish).
   */
  const clean = async (records: QueueRecord[]): Promise<void> => {
    for (let i = 0; i < at; i++)
      try {
        if (full[i]) await apply(tiers[i]!, records.filter((r) => !r.j.length));
      } catch {
        // It cannot delete either: nothing is read from it any more.
      }
  };
  const tx: Tier = async (fn) => {
    for (;;) {
      const tried = at;
      try {
        return await tiers[tried]!(fn);
      } catch (error) {
        if (tried > 1) throw error;
        // Two transactions may fail on the same tier at once; step down only once.
        if (at === tried) onDowngrade(TIERS[tried]!, TIERS[(at = tried + 1)]!, error);
        // Not just full (no IndexedDB, a database deleted or that does not open): nothing to read there.
        full[tried] = Object(error).name == 'QuotaExceededError';
        if (from == tried && !full[tried]) from++;
      }
    }
  };
  const source: Tier = async (fn) => {
    for (let i; (i = from) < at; ) {
      try {
        return await tiers[i]!(fn);
      } catch {
        if (from == i) from++; // it cannot read either: the next tier
      }
    }
    return tx(fn);
  };
  return {
    tx,
    source,
    async take(max, bytes, bounds) {
      // One tier: bounded and read in one transaction.
      if (!bounds || from == at) return take(source, max, bytes, bounds);
      let keys: string[] = [];
      for (let i = from; i <= at; i++)
        try {
          keys = keys.concat(await tiers[i]!((kv, done) => kv.all(false, undefined, done)));
        } catch {
          // It cannot read: nothing is sent from it either.
        }
      keys = [...new Set(keys)].sort();
      // Asked for last: the lock may have gone (at pagehide) as the batch was read.
      const [records] = await take(source, max, bytes),
        [keep, kept] = fit([...keys].reverse(), ...bounds());
      return [records, kept, keys.slice(0, keys.length - keep)];
    },
    drained: () => from < at && !!++from,
    tier: () => TIERS[at]!,
    // Only forward: a chunk saved at an exit keeps its older key.
    took: (key) => keyTime(key) > taken() && writeStorage(mark, key),
    taken,
    // A record with events has `"j":["`; a note `"j":[]` (events are JSON strings, so their quotes
    // are escaped). Another queue's records (a second collector of the page) arm the timer too:
    // a cycle that finds nothing of its own.
    spills: (fn) => addListener<StorageEvent>(globalThis, 'storage', (e) => (e.key == `${name}:wake` || /"j":\["/.test(e.newValue!)) && fn()),
    // A new value each time: a storage event fires only on a change.
    wake: () => writeStorage(`${name}:wake`, `${Date.now()}`),
    // Below IndexedDB those items are the queue itself: only notes (`{"k":"<k>","j":[]}`) count;
    // above it, anything saved (every record has a `"`; nothing there reads "null").
    noted: (keys) => keys.some((k) => String(readStorage(queued + k)).includes(at ? '"j":[]' : '"')),
    spill(records) {
      try {
        // Notes too are stored as they are: absorb() applies them. Synchronous: it throws rather than rejects.
        void local((kv) => records.forEach((r) => kv.set(r.k, r)));
        return true;
      } catch {
        return false;
      }
    },
    async absorb() {
      let records: QueueRecord[];
      try {
        records = await local((kv, done) => kv.all(true, undefined, done));
      } catch {
        return;
      }
      // Below IndexedDB, `<name>:q:` is the queue: only notes to take in, rarely there (see below).
      records = records.filter((r) => !at || !r.j.length);
      if (!records.length) return;
      // Into IndexedDB. Should that step the queue down, not written again where they were read:
      // an exit or another tab's sender may have noted or deleted some of them there meanwhile.
      if (!at) await tx((kv) => at || records.forEach((r) => (r.j.length ? kv.set(r.k, r) : kv.del(r.k))));
      // Not applied in IndexedDB (the queue is below it, or stepped down now for being full):
      // what notes name is deleted there all the same, for it may be read from there (see
      // source and clean). Records stay in localStorage, the queue now, untouched (an exit may
      // have noted one meanwhile, its note in its place), and notes leave it.
      await clean(records);
      await apply(local, records.filter((r) => !at || !r.j.length).map((r) => note(r.k)));
    },
    async finish(records) {
      await apply(tx, records);
      // After: storing the rest may be what steps the queue down (the deletes fail with it there).
      await clean(records);
    },
  };
};
