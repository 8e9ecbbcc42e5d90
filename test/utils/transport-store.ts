import { forceCloseDatabase } from 'fake-indexeddb';
import { onTestFinished, vi } from 'vitest';
import type { QueueRecord, Tier } from '../../src/storage/queue-kv';
import { idbTier } from '../../src/storage/idb';

/** Every record key a tier (or the chain) holds, oldest first. */
export const storedKeys = (tier: Tier): Promise<string[]> => tier((kv, done) => kv.all(false, undefined, done));

/** Every record key the IndexedDB queue `name` holds: what the next page would send. */
export const queuedIn = (name: string): Promise<string[]> => storedKeys(idbTier(name));

/** IndexedDB refuses to open, as in Firefox private windows of old. */
export const breakIndexedDb = () =>
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
  });

/**
 * The next open of an IndexedDB database fails (Chromium's transient "Internal error opening
 * backing store"); later opens work.
 */
export const failIndexedDbOpenOnce = () =>
  vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
    const request = { error: new DOMException('Internal error opening backing store.', 'UnknownError') } as IDBOpenDBRequest;
    queueMicrotask(() => request.onerror?.call(request, new Event('error')));
    return request;
  });

/**
 * Watches the IndexedDB connections that run a transaction from now on. `closeAll()` closes
 * them as the browser does when site data is cleared or the disk fails: with a `close` event,
 * after which idb-keyval opens the database again on the next call.
 */
export const watchConnections = (): { closeAll(): void } => {
  const seen = new Set<IDBDatabase>();
  const transaction = IDBDatabase.prototype.transaction;
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
    seen.add(this);
    return transaction.apply(this, args);
  });
  return {
    closeAll() {
      spy.mockRestore();
      seen.forEach((db) => forceCloseDatabase(db as never)); // its types ask for the class, not a connection
    },
  };
};

/**
 * IndexedDB is full (a disk nearly full, a phone low on storage): every write fails with
 * QuotaExceededError, while reads and deletes still work (they free space).
 */
export const fillIndexedDb = () =>
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

/** localStorage throws on every access, as with "block all cookies", until the test ends. */
export const breakLocalStorage = () => {
  const deny = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const spies = (['getItem', 'setItem', 'removeItem'] as const).map((method) => vi.spyOn(localStorage, method).mockImplementation(deny));
  // Restored here: vi.restoreAllMocks() leaves spies on happy-dom's localStorage (a Proxy) in place.
  onTestFinished(() => spies.forEach((spy) => spy.mockRestore()));
};

/**
 * Reading `localStorage` itself throws, as in Chromium with "block all cookies" or in a
 * sandboxed iframe, until the function it returns is called. No spy: a search of thousands
 * of runs would keep each spy's calls.
 */
export const blockLocalStorage = (): (() => void) => {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  return () => (own ? Object.defineProperty(globalThis, 'localStorage', own) : delete (globalThis as { localStorage?: Storage }).localStorage);
};

/**
 * IndexedDB opens only when the test calls `release()` (a slow or wedged backend; the open
 * made when the spy was in place goes on then), or fails then with `fail()`. `onOpen` runs
 * as the open is asked for.
 */
export const holdIndexedDbOpen = (onOpen: () => void = () => {}): { release(): void; fail(): void } => {
  const open = indexedDB.open.bind(indexedDB);
  let release = (): void => {};
  let fail = (): void => {};
  const held = vi.spyOn(indexedDB, 'open').mockImplementation((...args) => {
    const request = {} as IDBOpenDBRequest;
    release = () => {
      const real = open(...args);
      real.onupgradeneeded = (event) => request.onupgradeneeded?.call(real, event as IDBVersionChangeEvent);
      real.onsuccess = (event) => request.onsuccess?.call(real, event);
      real.onerror = (event) => request.onerror?.call(real, event);
      Object.defineProperty(request, 'result', { get: () => real.result });
    };
    fail = () => {
      Object.assign(request, { error: new DOMException('Internal error opening backing store.', 'UnknownError') });
      request.onerror?.call(request, new Event('error'));
    };
    onOpen();
    return request;
  });
  return {
    release() {
      held.mockRestore();
      release();
    },
    fail() {
      held.mockRestore();
      fail();
    },
  };
};

/**
 * What localStorage holds of the queue `name`, as `[key, record]` pairs in key order: what
 * page exits saved (notes among them), or the queue itself below IndexedDB. One item per
 * record, under `<name>:q:<key>`.
 */
export const savedIn = (name: string): [string, QueueRecord][] => {
  const prefix = `${name}:q:`;
  const keys: string[] = [];
  for (let i = 0, key; (key = localStorage.key(i)) != null; i++) if (key.startsWith(prefix)) keys.push(key);
  return keys.sort().map((key) => [key.slice(prefix.length), JSON.parse(localStorage.getItem(key)!) as QueueRecord]);
};

/** Saves `records` in localStorage for the queue `name`, as a page exit does. */
export const saveIn = (name: string, records: QueueRecord[]): void =>
  records.forEach((record) => localStorage.setItem(`${name}:q:${record.k}`, JSON.stringify(record)));
