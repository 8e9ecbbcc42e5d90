import type { ByteReader } from './byte-reader';
import { fault } from './byte-reader';
import type { ByteWriter } from './byte-writer';
import { BACK_REFS } from './constants';
import { readPlanes, writePlanes } from './planes';

/** Sessions as flat arrays: session `s` is `items[offsets[s] .. offsets[s + 1])`. */
export interface FlatSessions {
  offsets: Int32Array;
  items: Int32Array;
}

// Both sides keep the same little most-recent-first list of a session's distinct items.
const touch = (recent: number[], item: number, at: number): void => {
  if (at >= 0) recent.splice(at, 1);
  recent.unshift(item);
  if (recent.length > BACK_REFS) recent.pop();
};

/** Writes varint session lengths, then the byte-plane coded tokens (see BACK_REFS). */
export const writeSessions = (w: ByteWriter, { offsets, items }: FlatSessions): void => {
  const count = offsets.length - 1;
  for (let s = 0; s < count; s++) w.varint(offsets[s + 1]! - offsets[s]!);
  const tokens = new Uint32Array(items.length);
  for (let s = 0; s < count; s++) {
    const recent: number[] = [];
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      const at = recent.indexOf(items[p]!);
      tokens[p] = at >= 0 ? at : items[p]! + BACK_REFS;
      touch(recent, items[p]!, at);
    }
  }
  writePlanes(w, tokens);
};

/** Reads what {@link writeSessions} wrote; every item index must be below `itemCount`. */
export const readSessions = (r: ByteReader, count: number, itemCount: number): FlatSessions => {
  const offsets = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) offsets[s + 1] = offsets[s]! + r.varint();
  const total = offsets[count]!;
  // Each token takes at least one byte: a larger total cannot be real (and must not allocate).
  if (total > r.end - r.pos) fault('session lengths exceed the section');
  const items = new Int32Array(total);
  readPlanes(r, total, items);
  // The same most-recent-first list as `touch`, in a typed array: this loop runs once per click.
  const recent = new Int32Array(BACK_REFS);
  for (let s = 0; s < count; s++) {
    let size = 0;
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      const t = items[p]!;
      let item: number;
      let at: number;
      if (t < BACK_REFS) {
        if (t >= size) fault('dangling back-reference');
        item = recent[t]!;
        at = t;
      } else {
        item = t - BACK_REFS;
        if (item >= itemCount) fault('item index out of range');
        // A valid file never spells out an item that is in the list; cap the list instead.
        at = size < BACK_REFS ? size++ : BACK_REFS - 1;
      }
      recent.copyWithin(1, 0, at);
      recent[0] = item;
      items[p] = item;
    }
  }
  return { offsets, items };
};
