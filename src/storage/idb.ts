import { createStore, promisifyRequest } from 'idb-keyval';
import { taker } from './kv';
import type { ClaimOptions, QueueRecord, QueueStore } from './kv';

/**
 * Claims live in one record, `{ [key]: [owner, until] }`, under a key that sorts after
 * every record key ([0-9a-z]…): marking 50 records costs one put, not 50 (each IndexedDB
 * request costs a main-thread task).
 */
const CLAIMS = '~claims';
type Claims = Record<string, [owner: string, until: number]>;

/** Keys read per request while claiming: enough for a batch of one-event chunks. */
const WINDOW = 64;

/**
 * The IndexedDB tier: its own database (named after the queue) with one object store,
 * opened through idb-keyval on first use, never at import. Any failure — no
 * `indexedDB`, private mode, quota — rejects, and the store chain steps down.
 */
export function idbQueue(name: string): QueueStore {
  const use = createStore(name, 'queue');
  // createStore's opener throws synchronously where indexedDB is missing.
  const run = <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => T | PromiseLike<T>): Promise<T> =>
    new Promise<T>((resolve) => resolve(use(mode, fn)));
  const commit = (s: IDBObjectStore): Promise<void> => promisifyRequest(s.transaction).then(() => {});
  const unclaim = (s: IDBObjectStore, keys: string[]): void =>
    readClaims(s, (claims) => {
      keys.forEach((k) => delete claims[k]);
      s.put(claims, CLAIMS);
    });

  return {
    put(records) {
      let tx: IDBTransaction | undefined;
      let cancelled = false;
      const done = run('readwrite', (s) => {
        if (cancelled) return;
        tx = s.transaction;
        for (const r of records) s.put(r, r.k);
        return commit(s);
      });
      return {
        done,
        cancel() {
          cancelled = true;
          try {
            tx?.abort();
            return true;
          } catch {
            return false; // already committed: the records are durable
          }
        },
      };
    },
    claim: (o) => run('readwrite', (s) => new Promise<QueueRecord[]>((resolve, reject) => claimWindows(s, o, resolve, reject))),
    release: (keys) => run('readwrite', (s) => (unclaim(s, keys), commit(s))),
    del: (keys) =>
      run('readwrite', (s) => {
        unclaim(s, keys);
        keys.forEach((k) => s.delete(k));
        return commit(s);
      }),
    keys: () => run('readonly', (s) => promisifyRequest(s.getAllKeys(IDBKeyRange.upperBound(CLAIMS, true))) as Promise<string[]>),
  };
}

/** Reads the claims; requests of one transaction complete in order, so later ones see them. */
function readClaims(s: IDBObjectStore, then: (claims: Claims) => void): void {
  const req = s.get(CLAIMS);
  req.onsuccess = () => then(req.result ?? {});
}

/**
 * Picks the oldest free records from their keys alone (getAllKeys: the keys carry sizes),
 * then reads just those values (one getAll over their range), and claims them, all in one
 * readwrite transaction, so no other tab claims them too. A handful of requests per
 * claim, whatever the chunk sizes.
 */
function claimWindows(
  s: IDBObjectStore,
  o: ClaimOptions,
  resolve: (records: Promise<QueueRecord[]>) => void,
  reject: (error: unknown) => void,
): void {
  const chosen: string[] = [];
  const take = taker(o);
  readClaims(s, (claims) => {
    for (const k in claims) if (claims[k]![1] <= o.now) delete claims[k]; // expired: free again
    const finish = (out: QueueRecord[]): void => {
      out.forEach((r) => (claims[r.k] = [o.owner, o.until]));
      s.put(claims, CLAIMS);
      resolve(promisifyRequest(s.transaction).then(() => out));
    };
    const readKeys = (after?: string): void => {
      const req = s.getAllKeys(IDBKeyRange.bound(after ?? '', CLAIMS, !!after, true), WINDOW);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const keys = req.result as string[];
        let full = false;
        for (const k of keys) {
          const claim = claims[k];
          if (claim && claim[0] !== o.owner) continue;
          if ((full = !take(k))) break;
          chosen.push(k);
        }
        // Room left after a full window (others' claims, or one-event chunks): read on.
        if (!full && keys.length === WINDOW) return readKeys(keys[WINDOW - 1]);
        if (!chosen.length) return finish([]);
        const values = s.getAll(IDBKeyRange.bound(chosen[0], chosen[chosen.length - 1]));
        values.onerror = () => reject(values.error);
        // Records other tabs claimed may sit between ours: keep only the chosen.
        values.onsuccess = () => finish((values.result as QueueRecord[]).filter((r) => chosen.includes(r.k)));
      };
    };
    readKeys();
  });
}
