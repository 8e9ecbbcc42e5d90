import { taker } from './kv';
import type { ClaimOptions, QueueRecord, QueueStore } from './kv';

/** A queue tier whose storage is synchronous (localStorage, memory). */
export interface SyncQueueStore extends QueueStore {
  /** Every record, oldest first. Throws where the storage does. */
  all(): QueueRecord[];
  putSync(records: QueueRecord[]): void;
  delSync(keys: string[]): void;
}

/** Whether `owner` may claim `record` at `now`: unclaimed, its own, or an expired claim. */
const claimable = (record: QueueRecord, owner: string, now: number): boolean =>
  !record.c || record.c === owner || (record.u ?? 0) <= now;

const byKey = (a: QueueRecord, b: QueueRecord): number => (a.k < b.k ? -1 : 1);

/** Resolves with `fn()`, or rejects with what it threw: the tiers fail as promises. */
const attempt = <T>(fn: () => T): Promise<T> => new Promise<T>((resolve) => resolve(fn()));

/**
 * A queue over a list that is loaded and saved whole on each change. Each change
 * runs inside one task, so with localStorage it is atomic for every tab in practice.
 */
export function mapQueue(load: () => QueueRecord[], save: (records: QueueRecord[]) => void): SyncQueueStore {
  const edit = <T>(fn: (records: Map<string, QueueRecord>) => T): T => {
    const map = new Map(load().map((r) => [r.k, r] as const));
    const result = fn(map);
    save([...map.values()]);
    return result;
  };
  const putSync = (records: QueueRecord[]): void => edit((map) => records.forEach((r) => map.set(r.k, r)));
  const delSync = (keys: string[]): void => edit((map) => keys.forEach((k) => map.delete(k)));
  const all = (): QueueRecord[] => load().sort(byKey);

  const claim = (o: ClaimOptions): QueueRecord[] =>
    edit((map) => {
      const out: QueueRecord[] = [];
      const take = taker(o);
      for (const r of [...map.values()].sort(byKey)) {
        if (!claimable(r, o.owner, o.now)) continue;
        if (!take(r.k)) break;
        r.c = o.owner;
        r.u = o.until;
        out.push(r);
      }
      return out;
    });

  return {
    all,
    putSync,
    delSync,
    put: (records) => ({ done: attempt(() => putSync(records)), cancel: () => false }),
    claim: (o) => attempt(() => claim(o)),
    release: (keys) =>
      attempt(() =>
        edit((map) =>
          keys.forEach((k) => {
            const r = map.get(k);
            if (r) delete r.c, delete r.u;
          }),
        ),
      ),
    del: (keys) => attempt(() => delSync(keys)),
    keys: () => attempt(() => all().map((r) => r.k)),
  };
}

/** The last tier: this tab's memory. Never fails; lost with the page. */
export function memoryQueue(): SyncQueueStore {
  let records: QueueRecord[] = [];
  return mapQueue(
    () => records,
    (next) => {
      records = next;
    },
  );
}
