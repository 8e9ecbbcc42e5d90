import { createStore, promisifyRequest } from 'idb-keyval';
import type { Tier } from './kv';

/**
 * The IndexedDB tier: its own database (named after the queue) with one object store,
 * opened through idb-keyval on first use, never at import. Any failure — no
 * `indexedDB`, private mode, quota — rejects (or throws), and the store chain steps down.
 * A transaction we aborted ourselves (a write taken back at page exit) has no error: it
 * resolves.
 */
export function idbTier(name: string): Tier {
  const use = createStore(name, 'queue');
  // Every transaction is readwrite: the queue's reads come before writes in the same transaction.
  return (_, fn) =>
    use('readwrite', (s) => {
      let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const t = s.transaction;
      fn(
        {
          all(values, lo, hi, n, then) {
            const req = s[values ? 'getAll' : 'getAllKeys'](IDBKeyRange.bound(lo, hi), n);
            req.onsuccess = () => then(req.result as never);
          },
          set: (k, v) => s.put(v, k),
          del: (k) => s.delete(k),
        },
        (v) => (out = v),
        t,
      );
      return promisifyRequest(t).then(
        () => out,
        (error: unknown) => {
          if (error) throw error;
        },
      );
    });
}
