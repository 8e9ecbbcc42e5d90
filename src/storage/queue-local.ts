import { mapTier } from './queue-map';
import type { Tier } from './queue-kv';

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
        return new Map(JSON.parse(text!) as [string, unknown][]);
      } catch {
        return new Map(); // another script or an old version wrote something else there
      }
    },
    (map) => (map.size ? localStorage.setItem(key, JSON.stringify([...map])) : localStorage.removeItem(key)),
  );
};
