import { fit } from './queue-kv';
import type { QueueRecord, Tier } from './queue-kv';

/** A note that deletes `k` when applied: a record sent or taken back. */
export const note = (k: string): QueueRecord => ({ k, j: [] });

/**
 * Stores records and deletes the keys of notes, in one transaction (a chunk's key is its
 * identity: writing it twice stores it once).
 */
export const apply = (tx: Tier, records: QueueRecord[]): Promise<void> =>
  tx((kv) => records.forEach((r) => (r.j.length ? kv.set(r.k, r) : kv.del(r.k))));

/**
 * One step of a send cycle, in one transaction: with `bounds` ([events, bytes], asked for
 * as the transaction runs: a read given up and run again later may no longer bound the
 * queue), first deletes the oldest records past them (sizes come from the keys alone);
 * then reads the oldest records that make one batch (`max` events, `bytes` bytes, at least
 * one record). Resolves with them, the events kept and the keys of the records cut.
 */
export const take = (
  tx: Tier,
  max: number,
  bytes: number,
  bounds: () => [events: number, bytes: number] | [] = () => [],
): Promise<[records: QueueRecord[], kept: number, cut: string[]]> => {
  return tx((kv, done) => {
    const limits = bounds();
    // Every record holds at least one event: without trimming, `max` keys are enough.
    // (A bound of 0 events is no bound here; collector() never passes one.)
    kv.all(false, limits[0] ? undefined : max, (keys) => {
      // Without bounds every key is kept.
      const [keep, kept] = fit([...keys].reverse(), ...limits);
      // The oldest past them are deleted: they are the cut.
      const cut = keys.splice(0, keys.length - keep).map((k) => (kv.del(k), k));
      const n = fit(keys, max, bytes)[0];
      const out = (records: QueueRecord[]): void => done([records, kept, cut]);
      // Requests of one transaction complete in order: this read sees the deletes.
      if (n) kv.all(true, n, out);
      else out([]);
    });
  });
};
