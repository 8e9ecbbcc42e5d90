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
 * The model cache: never rejects, and always settles (a load waits for it); a failing or
 * hanging IndexedDB behaves like an empty cache.
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

/**
 * The IndexedDB cache of model files (idb-keyval), opened on first use, never at import.
 * Where IndexedDB is missing or broken (private modes, quota, blocked storage) every
 * call resolves empty-handed and models are simply fetched each time. A call resolves
 * empty-handed too when the database has not opened within {@link MODEL_CACHE_OPEN_MS} of it
 * (Safari's open that fires neither success nor error, one blocked by another tab), and so
 * does every later call, at once, until the database opens, if it ever does.
 */
export const modelCache = (dbName: string = MODEL_CACHE_DB): ModelCache => {
  let store: UseStore | undefined;
  // True once the database has opened; false once a call has waited for it in vain.
  let open: boolean | undefined;
  const use = <T>(fn: (s: UseStore) => Promise<T>, fallback: T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Given up on: a miss at once, not another wait at each step of a load (its put, each shard).
      if (open === false) return resolve(fallback);
      const s = (store ??= createStore(dbName, 'models'));
      // The store's opener throws synchronously where indexedDB is missing: here, that rejects.
      fn((mode, callback) => s(mode, (os) => ((open = true), callback(os)))).then(resolve, reject);
      // Once open, a call takes what time it takes (a big write on a slow disk): only the open is bounded.
      if (!open) setTimeout(() => open || reject((open = false)), MODEL_CACHE_OPEN_MS);
    }).catch(() => fallback);
  return {
    get: (url) => use((s) => get<CachedModel>(url, s).then(valid), undefined),
    put: (entry) => use((s) => set(entry.url, entry, s), undefined),
    async touch(url, storedAt) {
      const entry = await this.get(url);
      if (entry) await this.put({ ...entry, storedAt });
    },
    delete: (url) => use((s) => del(url, s), undefined),
  };
};

// Another version of the SDK, or another script, may have written something else here.
const valid = (value: CachedModel | undefined): CachedModel | undefined => {
  return value && value.bytes instanceof Uint8Array && typeof value.storedAt === 'number' ? value : undefined;
};
