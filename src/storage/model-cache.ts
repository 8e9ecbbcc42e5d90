import type { UseStore } from 'idb-keyval';
import { createStore, del, get, set } from 'idb-keyval';

/** A model (or shard) file as cached, with what is needed to revalidate it. */
export interface CachedModel {
  url: string;
  bytes: Uint8Array;
  /** `ETag` of the response, for `If-None-Match`. */
  etag?: string;
  /** `Last-Modified` of the response, for `If-Modified-Since`. */
  lastModified?: string;
  /** When it was fetched or last revalidated (ms since epoch). */
  storedAt: number;
}

/**
 * A model cache: the built-in one ({@link modelCache}) or one of the shop's own (the
 * loader's `cache` option). A load waits for each call; the built-in cache never rejects
 * and always settles (a failing or hanging IndexedDB behaves like an empty cache), and the
 * loader holds a cache of your own to that (see `ownCache`).
 */
export interface ModelCache {
  get(url: string): Promise<CachedModel | undefined>;
  put(entry: CachedModel): Promise<void>;
  /** Marks a cached entry as revalidated now (a 304). */
  touch(url: string, storedAt: number): Promise<void>;
  delete(url: string): Promise<void>;
}

/** Default database name; one object store `models`, keyed by URL. */
export const MODEL_CACHE_DB = 'sightline-models';

/**
 * How long a call waits for the database to open before it counts as a miss: the delivery
 * queue's bound (`IDB_OPEN_MS`, idb.ts), for the same reasons. Not imported from there: a
 * module that both `sightline` and `sightline/recommend` import becomes a chunk of dist/esm
 * of its own, which measured +11 B for the core (over its 4 KB budget), or +6 B for ".".
 */
export const MODEL_CACHE_OPEN_MS = 5_000;

// The caches modelCache() made: they keep the contract themselves (the loader checks any other).
const builtIn = new WeakSet<object>();

/** Whether `cache` is one {@link modelCache} made, which never rejects and always settles. */
export const isBuiltIn = (cache: unknown): boolean => builtIn.has(cache as object);

/**
 * The IndexedDB cache of model files (idb-keyval), opened on first use, never at import.
 * Where IndexedDB is missing or broken (private modes, quota, blocked storage) every
 * call resolves empty-handed and models are simply fetched each time. A call resolves
 * empty-handed too when the database has not opened within {@link MODEL_CACHE_OPEN_MS} of it
 * (Safari's open that fires neither success nor error, one blocked by another tab), and so
 * does every later call, at once, until that open ends: opened, the cache works again;
 * failed, the next call opens anew. The same bound holds for an open after the browser
 * closed the connection (site data cleared, a disk failure).
 */
export const modelCache = (dbName: string = MODEL_CACHE_DB): ModelCache => {
  let store: UseStore | undefined;
  // Set when a call has waited for an open in vain, until that open ends.
  let gaveUp = false;
  const use = <T>(fn: (s: UseStore) => Promise<T>, fallback: T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Given up on: a miss at once, not another wait at each step of a load (its put, each shard).
      if (gaveUp) return resolve(fallback);
      const s = (store ??= createStore(dbName, 'models'));
      let opening = true;
      // The store's opener throws synchronously where indexedDB is missing: here, that rejects.
      fn((mode, callback) => s(mode, (os) => (clearTimeout(timer), (opening = gaveUp = false), callback(os)))).then(resolve, (error) => {
        // The open failed, perhaps after a give-up: idb-keyval opens anew on the next call.
        if (opening) opening = gaveUp = false;
        reject(error);
      });
      // Only the open is bounded (idb-keyval opens again once the browser has closed the
      // connection): once open, a call takes what time it takes (a big write on a slow disk).
      const timer = setTimeout(() => opening && reject((gaveUp = true)), MODEL_CACHE_OPEN_MS);
    }).catch(() => fallback);
  const cache: ModelCache = {
    get: (url) => use((s) => get<CachedModel>(url, s).then(valid), undefined),
    put: (entry) => use((s) => set(entry.url, entry, s), undefined),
    async touch(url, storedAt) {
      const entry = await this.get(url);
      if (entry) await this.put({ ...entry, storedAt });
    },
    delete: (url) => use((s) => del(url, s), undefined),
  };
  builtIn.add(cache);
  return cache;
};

// Another version of the SDK, or another script, may have written something else here.
const valid = (value: CachedModel | undefined): CachedModel | undefined => {
  return value && value.bytes instanceof Uint8Array && typeof value.storedAt === 'number' ? value : undefined;
};
