import { parseJson } from '../lib/safe-json';
import { mapQueue } from './queue-map';
import type { SyncQueueStore } from './queue-map';
import type { QueueRecord } from './kv';

/**
 * The localStorage tier, kept as one JSON list under `<name>:q`. It is also where a
 * page that is going away saves, synchronously, what it could not send: the next
 * page (or another tab) moves it back into IndexedDB. Every access throws where
 * localStorage does (blocked cookies, Safari private mode quota), so the store
 * chain can step down to memory.
 */
export function localQueue(name: string): SyncQueueStore {
  const key = `${name}:q`;
  return mapQueue(
    () => {
      // Another script or an old version may have written anything there.
      const records = parseJson<unknown>(localStorage.getItem(key), []);
      return Array.isArray(records) ? (records as QueueRecord[]) : [];
    },
    (records) => {
      if (records.length) localStorage.setItem(key, JSON.stringify(records));
      else localStorage.removeItem(key);
    },
  );
}
