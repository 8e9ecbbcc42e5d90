import { idbQueue } from './idb';
import { localQueue } from './queue-local';
import { memoryQueue } from './queue-map';
import type { QueueRecord, QueueStore, QueueWrite } from './kv';

/** Where the queue currently lives. */
export type QueueTier = 'indexeddb' | 'localstorage' | 'memory';

/** The persisted queue: one {@link QueueStore} over a chain of tiers, plus the page-exit spill. */
export interface QueueChain extends QueueStore {
  tier(): QueueTier;
  /** Saves records synchronously to localStorage (page exit); false if that failed. */
  spill(records: QueueRecord[]): boolean;
  /** Moves records spilled by earlier pages or other tabs into the current tier. */
  absorb(): Promise<void>;
}

const TIERS: QueueTier[] = ['indexeddb', 'localstorage', 'memory'];

/**
 * Opens the queue `name`: IndexedDB first; when a tier throws (missing, private mode,
 * quota) the operation is redone on the next one and `onDowngrade` is told once per
 * step. Records already in a failed tier stay there for the next page that can read it.
 */
export function createQueueStore(
  name: string,
  onDowngrade: (from: QueueTier, to: QueueTier, error: unknown) => void,
): QueueChain {
  const local = localQueue(name);
  const stores: QueueStore[] = [idbQueue(name), local, memoryQueue()];
  let at = 0;

  async function via<T>(op: (store: QueueStore) => Promise<T>): Promise<T> {
    for (;;) {
      const tried = at;
      try {
        return await op(stores[tried]!);
      } catch (error) {
        if (tried === 2) throw error;
        // Two operations may fail on the same tier at once; step down only once.
        if (at === tried) onDowngrade(TIERS[tried]!, TIERS[(at = tried + 1)]!, error);
      }
    }
  }

  return {
    tier: () => TIERS[at]!,
    put(records): QueueWrite {
      let write: QueueWrite | undefined;
      let cancelled = false;
      const done = via((store) => {
        if (cancelled) return Promise.resolve();
        write = store.put(records);
        // An abort we asked for is not a failure of the tier.
        return write.done.catch((error: unknown) => {
          if (!cancelled) throw error;
        });
      });
      return { done, cancel: () => ((cancelled = true), write ? write.cancel() : true) };
    },
    claim: (options) => via((store) => store.claim(options)),
    release: (keys) => via((store) => store.release(keys)),
    del: (keys) => via((store) => store.del(keys)),
    keys: () => via((store) => store.keys()),
    spill(records) {
      try {
        local.putSync(records);
        return true;
      } catch {
        return false;
      }
    },
    async absorb() {
      if (at !== 0) return; // localStorage is the spill itself; memory means it is unusable
      let records: QueueRecord[];
      try {
        records = local.all();
      } catch {
        return;
      }
      if (!records.length) return;
      await via((store) => store.put(records).done);
      if (at === 0) local.delSync(records.map((r) => r.k));
    },
  };
}
