import { idbTier } from './idb';
import { LAST } from './kv';
import type { QueueRecord, Tier } from './kv';
import { localTier } from './queue-local';
import { memoryTier } from './queue-map';
import { free, put } from './queue-ops';

/** Where the queue currently lives. */
export type QueueTier = 'indexeddb' | 'localstorage' | 'memory';

/** The persisted queue: one {@link Tier} over a chain of tiers, plus the page-exit spill. */
export interface QueueChain {
  tx: Tier;
  tier(): QueueTier;
  /** Saves records synchronously to localStorage (page exit); false if that failed. */
  spill(records: QueueRecord[]): boolean;
  /**
   * Moves records spilled by earlier pages or other tabs into the current tier, unclaimed
   * (the page that spilled a record it had claimed is gone). A spilled record with no
   * events is a delete: its key was sent at page exit (before IndexedDB could commit
   * deleting it).
   */
  absorb(): Promise<void>;
}

const TIERS: QueueTier[] = ['indexeddb', 'localstorage', 'memory'];

/**
 * Opens the queue `name`: IndexedDB first; when a tier throws (missing, private mode,
 * quota) the transaction is redone on the next one and `onDowngrade` is told once per
 * step. Records already in a failed tier stay there for the next page that can read it.
 */
export function createQueueStore(name: string, onDowngrade: (from: QueueTier, to: QueueTier, error: unknown) => void): QueueChain {
  const local = localTier(`${name}:q`);
  const tiers = [idbTier(name), local, memoryTier()];
  let at = 0;
  const tx: Tier = async (write, fn) => {
    for (;;) {
      const tried = at;
      try {
        return await tiers[tried]!(write, fn);
      } catch (error) {
        if (tried > 1) throw error;
        // Two transactions may fail on the same tier at once; step down only once.
        if (at === tried) onDowngrade(TIERS[tried]!, TIERS[(at = tried + 1)]!, error);
      }
    }
  };
  return {
    tx,
    tier: () => TIERS[at]!,
    spill(records) {
      try {
        put(local, records); // synchronous: it throws rather than rejects
        return true;
      } catch {
        return false;
      }
    },
    async absorb() {
      if (at) return; // localStorage is the spill itself; memory means it is unusable
      let records: QueueRecord[];
      try {
        records = await local(false, (kv, done) => kv.all(true, '', LAST, undefined, done));
      } catch {
        return;
      }
      if (!records.length) return;
      await tx(true, (kv) => records.forEach((r) => (r.j.length ? kv.set(r.k, r) : kv.del(r.k))));
      // A spilled record is unclaimed: the page that spilled it (its claimer) is gone.
      await free(tx, records.map((r) => r.k));
      if (!at) await local(true, (kv) => records.forEach((r) => kv.del(r.k)));
    },
  };
}
