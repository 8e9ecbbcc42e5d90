import { createStore, promisifyRequest } from 'idb-keyval';
import type { Tier } from './queue-kv';

/**
 * The IndexedDB tier: its own database (named after the queue) with one object store,
 * opened through idb-keyval on first use, never at import. Any failure — no
 * `indexedDB`, private mode, quota — rejects (or throws), and the store chain steps down.
 */
export const idbTier = (name: string): Tier => {
  const use = createStore(name, 'queue');
  return (fn) =>
    use('readwrite', (s) => {
      let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      fn(
        {
          all(values, n, then) {
            const req = s[values ? 'getAll' : 'getAllKeys'](null, n);
            req.onsuccess = () => then(req.result as never);
          },
          set: (k, v) => s.put(v, k),
          del: (k) => s.delete(k),
        },
        (v) => (out = v),
      );
      return promisifyRequest(s.transaction).then(() => out);
    });
};
