import { createStore, promisifyRequest } from 'idb-keyval';
import type { Tier } from './queue-kv';

/**
 * How long a transaction waits for the database to open before the tier counts as failed.
 * An open can hang: behind a deletion another tab's connection blocks, or in a wedged
 * browser store. Opening takes well under a second even on a cold start.
 */
export const IDB_OPEN_MS = 5_000;

// Page-wide, as pagehide is (see pauseReads): the transactions of all tiers waiting for a
// read's answer, and while the page is hidden, those to run again when it is shown.
const reading = new Set<() => void>();
const resumes: (() => void)[] = [];
let hidden = false;

/**
 * Pauses (at `pagehide`) or resumes (at `pageshow`) the IndexedDB tiers' reads. A page
 * frozen in the back/forward cache takes no answers, so a transaction waiting for a read's
 * would hold the store, and the next page's transactions would wait behind it (Chromium
 * evicts the frozen page then: IgnoreEventAndEvict). So each transaction with a read under
 * way is aborted, which undoes all it did, and runs again once the page is shown: its caller
 * sees one transaction, later.
 */
export const pauseReads = (hide: boolean): void =>
  (hidden = hide) ? reading.forEach((halt) => halt()) : resumes.splice(0).forEach((resume) => resume());

/**
 * The IndexedDB tier: its own database (named after the queue) with one object store,
 * opened through idb-keyval on first use, never at import. Any failure — no
 * `indexedDB`, private mode, quota, an open that does not finish within
 * {@link IDB_OPEN_MS} — rejects (or throws), and the store chain steps down. A transaction
 * that fails leaves nothing behind (the chain redoes it on the next tier).
 */
export const idbTier = (name: string): Tier => {
  const use = createStore(name, 'queue');
  return (fn) =>
    new Promise((resolve, reject) => {
      // Set when the open took too long: the chain redoes this transaction on the next tier,
      // so it must not run here too once the open finishes.
      let late: Error | undefined;
      let timer: ReturnType<typeof setTimeout>;
      const run = (): Promise<any> => ( // eslint-disable-line @typescript-eslint/no-explicit-any
        // Every run bounds its open: the first one, one after the browser closed the connection
        // (site data cleared, a disk failure), which idb-keyval opens again, and a run again
        // after pageshow. Once the database is open, the transaction starts within microtasks
        // and clears this timer. (Where there is no IndexedDB, `use` throws, and so does this
        // executor: the timer then rejects a promise already settled.)
        (timer = setTimeout(() => reject((late = Error('IndexedDB did not open'))), IDB_OPEN_MS)),
        use('readwrite', (s) => {
          if (late) throw late;
          clearTimeout(timer);
          const tx = s.transaction;
          // A page that deletes or upgrades the database waits for every connection to close:
          // this one does (its next transaction fails, and the chain steps down).
          tx.db.onversionchange = () => tx.db.close();
          let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
          // Once no read is pending, nothing asks for more (only a read's answer may): commit at
          // once. Left to auto-commit, the transaction would wait for this page to take its
          // requests' answers, which a frozen page does not (see pauseReads). (Safari before 15
          // has no commit(): it auto-commits.)
          let reads = 0;
          const end = (): unknown => reads || (tx.commit && tx.commit());
          try {
            fn(
              {
                all(values, n, then) {
                  const req = s[values ? 'getAll' : 'getAllKeys'](null, n);
                  reads++;
                  req.onsuccess = () => (reads--, then(req.result as never), end());
                },
                set: (k, v) => s.put(v, k),
                del: (k) => s.delete(k),
              },
              (v) => (out = v),
            );
            end();
          } catch (error) {
            tx.abort(); // what was asked before the throw would commit otherwise
            throw error;
          }
          // Aborted at pagehide with a read under way (see pauseReads): `reads` is -1 from then on.
          const halt = (): unknown => reads > 0 && ((reads = -1), tx.abort());
          reading.add(halt);
          return promisifyRequest(tx).then(
            () => (reading.delete(halt), out),
            (error) => {
              reading.delete(halt);
              if (reads < 0) return new Promise<void>((resume) => (hidden ? resumes.push(resume) : resume())).then(run);
              throw error;
            },
          );
        })
      );
      run().then(resolve, reject);
    });
};
