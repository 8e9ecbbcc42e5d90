/**
 * Sessions as they are read: shop item ids interned to dense numbers in order of first
 * appearance, session items in one growing Int32Array. Memory grows with the clicks
 * kept (4 bytes each) and the distinct ids, never with the size of the input file.
 */
export interface Corpus {
  /** Adds one session (sessions must arrive oldest first); sessions shorter than `minLength` are skipped. */
  add(items: readonly string[]): void;
  readonly sessionCount: number;
  /** Interned id → shop id. */
  readonly ids: string[];
  /** Session `s` is `items()[offsets()[s] .. offsets()[s + 1])`, as interned numbers. */
  offsets(): Int32Array;
  items(): Int32Array;
}

/** Creates an empty corpus; sessions shorter than `minLength` (default 2) are dropped. */
export function createCorpus(minLength = 2): Corpus {
  const ids: string[] = [];
  const index = new Map<string, number>();
  let items: Int32Array = new Int32Array(1 << 16);
  let offsets: Int32Array = new Int32Array(1 << 12);
  let used = 0;
  let sessions = 0;
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  return {
    add(session) {
      if (session.length < minLength) return;
      if (used + session.length > items.length) items = grow(items, used + session.length);
      if (sessions + 2 > offsets.length) offsets = grow(offsets, sessions + 2);
      for (const id of session) items[used++] = intern(id);
      offsets[++sessions] = used;
    },
    get sessionCount() {
      return sessions;
    },
    ids,
    offsets: () => offsets.subarray(0, sessions + 1),
    items: () => items.subarray(0, used),
  };
}

function grow(a: Int32Array, need: number): Int32Array {
  const next = new Int32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
