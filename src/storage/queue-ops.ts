import { CLAIMS, LAST, recordBytes, recordCount, taker } from './kv';
import type { KV, QueueRecord, Tier } from './kv';

type Claims = Record<string, [owner: string, until: number]>;

/** Reads the claims entry; requests of one transaction complete in order, so later ones see it. */
const withClaims = (kv: KV, then: (claims: Claims) => void): void => kv.all<Claims>(true, CLAIMS, CLAIMS, 1, ([claims = {}]) => then(claims));

/** A write in progress; `cancel()` is true when the records were not (and will not be) stored. */
export interface QueueWrite {
  done: Promise<void>;
  cancel(): boolean;
}

/** Stores records (a chunk's key is its identity: writing it twice stores it once). */
export function put(tx: Tier, records: QueueRecord[]): QueueWrite {
  let started = false;
  let cancelled = false;
  let t: IDBTransaction | undefined;
  return {
    done: tx(true, (kv, _, tx) => {
      if (cancelled) return; // taken back before it started (or before a retry on the next tier)
      started = true;
      t = tx;
      records.forEach((r) => kv.set(r.k, r));
    }),
    cancel() {
      cancelled = true;
      try {
        // Synchronous tiers (no transaction) and committed transactions throw here: stored.
        return !started || (t!.abort(), true);
      } catch {
        return false;
      }
    },
  };
}

/**
 * Marks the oldest free records — unclaimed, `owner`'s own, or claimed until before
 * `now` — as `owner`'s until `until`, up to `max` events and `bytes` bytes (at least
 * one record), and returns them, in one transaction, so no other tab claims them too.
 * It picks from the keys alone (they carry sizes), then reads just those values.
 */
export function claim(tx: Tier, owner: string, max: number, bytes: number, now: number, until: number): Promise<QueueRecord[]> {
  return tx(true, (kv, done) =>
    withClaims(kv, (claims) => {
      let foreign = 0;
      for (const k in claims) {
        if (claims[k]![1] <= now) delete claims[k];
        else if (claims[k]![0] !== owner) foreign++;
      }
      // Every record holds at least one event: `max` free keys past the others' claims are enough.
      kv.all(false, '', LAST, max + foreign, (keys) => {
        const take = taker(max, bytes);
        const chosen: string[] = [];
        for (const k of keys) {
          if (claims[k] && claims[k]![0] !== owner) continue;
          if (!take(k)) break;
          chosen.push(k);
          claims[k] = [owner, until];
        }
        kv.set(CLAIMS, claims);
        if (!chosen.length) return done([]);
        // Records other tabs claimed may sit between ours: keep only the chosen.
        kv.all<QueueRecord>(true, chosen[0]!, chosen[chosen.length - 1]!, undefined, (records) =>
          done(records.filter((r) => chosen.includes(r.k))),
        );
      });
    }),
  );
}

/** Gives claimed records back (a failed send), or with `drop` deletes them (sent, or dropped). */
export function free(tx: Tier, keys: string[], drop?: boolean): Promise<void> {
  return tx(true, (kv) =>
    withClaims(kv, (claims) => {
      keys.forEach((k) => {
        delete claims[k];
        if (drop) kv.del(k);
      });
      kv.set(CLAIMS, claims);
    }),
  );
}

/**
 * Keeps the queue within `maxEvents` and `maxBytes` by deleting the oldest records
 * (whole chunks); sizes come from the keys alone. Resolves with how many events were
 * kept and cut.
 */
export function trim(tx: Tier, maxEvents: number, maxBytes: number): Promise<[kept: number, cut: number]> {
  return tx(true, (kv, done) =>
    kv.all(false, '', LAST, undefined, (keys) => {
      const sum = (size: (key: string) => number): number => keys.reduce((n, k) => n + size(k), 0);
      let events = sum(recordCount);
      let bytes = sum(recordBytes);
      const total = events;
      let i = 0;
      for (; events > maxEvents || bytes > maxBytes; i++) (events -= recordCount(keys[i]!)), (bytes -= recordBytes(keys[i]!));
      keys.slice(0, i).forEach((k) => kv.del(k));
      done([events, total - events]);
    }),
  );
}
