import type { ShardData } from '../format/shard';
import type { ShardEntry } from '../format/shard-table';
import type { SessionStore } from './session-store';

/** Fetches and decodes one shard; resolves `undefined` on failure (already reported). */
export type ShardFetcher = (entry: ShardEntry) => Promise<ShardData | undefined>;

/** A failed shard is not asked for again before this long (ms): a dead URL must not be hammered. */
const RETRY_AFTER_MS = 30_000;

/**
 * A store over a manifest's shards: postings of items whose shard is not loaded are
 * `undefined` (the scorer skips them), and `prepare(items)` fetches the shards those
 * items live in — and only those.
 */
export const shardedStore = (entries: readonly ShardEntry[], sessionCount: number, fetchShard: ShardFetcher): SessionStore => {
  const loaded: (ShardData | undefined)[] = [];
  const pending = new Map<number, Promise<void>>();
  const failedAt = new Map<number, number>();
  const sessions = new Map<number, Int32Array>();
  const none = new Int32Array(0);
  const shardOf = (item: number): number => {
    let lo = 0;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (entries[mid]!.first <= item) lo = mid;
      else hi = mid - 1;
    }
    return item >= 0 && entries[lo] && item < entries[lo]!.end ? lo : -1;
  };
  const load = (i: number): Promise<void> =>
    fetchShard(entries[i]!).then((data) => {
      pending.delete(i);
      if (!data) return void failedAt.set(i, Date.now());
      loaded[i] = data;
      data.sessions.forEach((items, s) => sessions.set(s, items));
    });
  return {
    sessionCount,
    postings(item) {
      const i = shardOf(item);
      const shard = i >= 0 ? loaded[i] : undefined;
      return shard ? shard.postings[item - shard.first] : undefined;
    },
    session: (s) => sessions.get(s) ?? none,
    sessionLength: (s) => sessions.get(s)?.length ?? 0,
    prepare(items) {
      const waits: Promise<void>[] = [];
      for (const i of new Set(items.map(shardOf))) {
        if (i < 0 || loaded[i]) continue;
        if (Date.now() - (failedAt.get(i) ?? -Infinity) < RETRY_AFTER_MS) continue;
        if (!pending.has(i)) pending.set(i, load(i));
        waits.push(pending.get(i)!);
      }
      return Promise.all(waits).then(() => {});
    },
  };
};
