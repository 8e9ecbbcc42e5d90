import type { FlatSessions } from './sessions';

/**
 * For each item, the (at most) `limit` most recent sessions containing it, oldest
 * first — exactly the sessions the scorer may look at, so a shard needs nothing else.
 */
export const recentPostings = ({ offsets, items }: FlatSessions, itemCount: number, limit: number): Int32Array[] => {
  const lists: number[][] = Array.from({ length: itemCount }, () => []);
  for (let s = offsets.length - 2; s >= 0; s--) {
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      const list = lists[items[p]!]!;
      if (list.length < limit && list[list.length - 1] !== s) list.push(s);
    }
  }
  return lists.map((list) => Int32Array.from(list.reverse()));
};
