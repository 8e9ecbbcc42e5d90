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

/** The model cache: never rejects; a failing IndexedDB behaves like an empty cache. */
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
 * The IndexedDB cache of model files (idb-keyval), opened on first use, never at import.
 * Where IndexedDB is missing or broken (private modes, quota, blocked storage) every
 * call resolves empty-handed and models are simply fetched each time.
 */
export const modelCache = (dbName: string = MODEL_CACHE_DB): ModelCache => {
  let store: ReturnType<typeof createStore> | undefined;
  // createStore's opener throws synchronously where indexedDB is missing: run it inside a promise.
  const use = <T>(fn: (s: ReturnType<typeof createStore>) => Promise<T>, fallback: T): Promise<T> =>
    new Promise<T>((resolve) => resolve(fn((store ??= createStore(dbName, 'models'))))).catch(() => fallback);
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
