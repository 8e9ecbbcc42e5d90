import { toJson } from '../lib/safe-json';
import { mapTier } from './queue-map';
import type { QueueRecord, Tier } from './queue-kv';

/**
 * The localStorage tier: one item per record, under `prefix` and the record's key. It is
 * also where a page that is going away saves, synchronously, what it could not send: the
 * next page (or another tab) moves it back into IndexedDB. Not one list under one key:
 * each tab's renderer reads a copy of localStorage that another tab's writes reach a few
 * milliseconds late, so two tabs that both read, change and write back one list lose
 * each other's changes (a tab's saved events, overwritten by another's delete). Writes
 * of records by key lose nothing. Every access throws where localStorage does (blocked
 * cookies, Safari private mode quota), so the store chain can step down to memory.
 */
export const localTier = (prefix: string): Tier => {
  return mapTier(
    () => {
      const map = new Map<string, QueueRecord>();
      for (const key of Object.keys(localStorage))
        if (key.startsWith(prefix))
          try {
            const record = JSON.parse(localStorage.getItem(key)!) as QueueRecord;
            // Only records (or notes) of the queue: another script or an old version may have
            // written something else there, and it would fail every transaction.
            if (Array.isArray(record?.j) && prefix + record.k == key) map.set(record.k, record);
          } catch {
            // Not JSON at all.
          }
      return map;
    },
    // In the order the transaction asked (its deletes come first where it also sets: notes
    // of a batch, then what is left of it).
    (map, touched) => {
      for (const k of touched) map.has(k) ? localStorage.setItem(prefix + k, toJson(map.get(k))) : localStorage.removeItem(prefix + k);
    },
  );
};
