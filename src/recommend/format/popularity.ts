import type { ByteReader } from './byte-reader';
import { fault } from './byte-reader';
import type { ByteWriter } from './byte-writer';

/**
 * Popularity counts in index order, which is popularity order, so each count is stored
 * as its drop from the previous one: mostly 0 and 1, a few hundred bytes under gzip.
 */
export const writePopularity = (w: ByteWriter, counts: ArrayLike<number>): void => {
  w.varint(counts[0] ?? 0);
  for (let i = 1; i < counts.length; i++) w.varint(counts[i - 1]! - counts[i]!);
};

/** Reads `count` popularity counts. */
export const readPopularity = (r: ByteReader, count: number): Uint32Array => {
  const out = new Uint32Array(count);
  if (count === 0) return out;
  let v = r.varint();
  out[0] = v;
  for (let i = 1; i < count; i++) {
    v -= r.varint();
    if (v < 0) fault('popularity not sorted');
    out[i] = v;
  }
  return out;
};
