import { toJson } from '../lib/safe-json';
import { mapTier } from './queue-map';
import type { QueueRecord, Tier } from './queue-kv';

/**
 * The localStorage tier, kept as one JSON list of `[key, value]` entries under `key`.
 * It is also where a page that is going away saves, synchronously, what it could not
 * send: the next page (or another tab) moves it back into IndexedDB. Every access throws
 * where localStorage does (blocked cookies, Safari private mode quota), so the store
 * chain can step down to memory.
 */
export const localTier = (key: string): Tier => {
  return mapTier(
    () => {
      const text = localStorage.getItem(key);
      try {
        // Only entries that are records (or notes) of the queue: another script or an old
        // version may have written something else there, and it would fail every transaction.
        return new Map((JSON.parse(text!) as [string, QueueRecord][]).filter((e) => Array.isArray(e?.[1]?.j) && e[1].k === e[0]));
      } catch {
        return new Map(); // not a list of pairs at all
      }
    },
    (map) => (map.size ? localStorage.setItem(key, toJson([...map])) : localStorage.removeItem(key)),
  );
};
