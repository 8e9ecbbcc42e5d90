/**
 * Where the scorer finds sessions: which sessions contain an item (oldest first) and
 * what a session holds. Session indexes grow with time; the newest is `sessionCount - 1`.
 */
export interface SessionStore {
  readonly sessionCount: number;
  /** Sessions containing `item`, oldest first; `undefined` when its shard is not loaded yet. */
  postings(item: number): Int32Array | undefined;
  /** The items of session `s` in click order (empty when unknown). */
  session(s: number): Int32Array;
  /** Length of session `s` without building a view. */
  sessionLength(s: number): number;
  /** Loads whatever is needed to score these items (shards); resolves when done or failed. */
  prepare?(items: readonly number[]): Promise<void>;
}

const NONE = new Int32Array(0);

/** A store with no sessions: the popularity-only and empty models use it. */
export const emptyStore = (): SessionStore => {
  return { sessionCount: 0, postings: () => NONE, session: () => NONE, sessionLength: () => 0 };
};

/**
 * A store over flat session arrays (`items[offsets[s] .. offsets[s+1])`), building the
 * item → sessions postings once, in two counting passes over typed arrays.
 */
export const flatStore = (offsets: Int32Array, items: Int32Array, itemCount: number): SessionStore => {
  const sessionCount = offsets.length - 1;
  const postOffsets = new Int32Array(itemCount + 1);
  const last = new Int32Array(itemCount).fill(-1);
  for (let s = 0; s < sessionCount; s++) {
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      const it = items[p]!;
      if (last[it] !== s) {
        last[it] = s;
        postOffsets[it + 1] = postOffsets[it + 1]! + 1;
      }
    }
  }
  for (let i = 0; i < itemCount; i++) postOffsets[i + 1] = postOffsets[i + 1]! + postOffsets[i]!;
  const postings = new Int32Array(postOffsets[itemCount]!);
  const fill = postOffsets.slice(0, itemCount);
  last.fill(-1);
  for (let s = 0; s < sessionCount; s++) {
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      const it = items[p]!;
      if (last[it] !== s) {
        last[it] = s;
        postings[fill[it]!++] = s;
      }
    }
  }
  return {
    sessionCount,
    postings: (it) => (it >= 0 && it < itemCount ? postings.subarray(postOffsets[it]!, postOffsets[it + 1]!) : NONE),
    session: (s) => items.subarray(offsets[s]!, offsets[s + 1]!),
    sessionLength: (s) => offsets[s + 1]! - offsets[s]!,
  };
};
