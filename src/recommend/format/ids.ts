import type { ByteReader } from './byte-reader';
import type { ByteWriter } from './byte-writer';
import { readPlanes, writePlanes } from './planes';

/** True when every id is a canonical decimal integer below 2^32 (stored as numbers). */
export const allNumeric = (ids: readonly string[]): boolean => {
  return ids.every((id) => /^(0|[1-9]\d{0,9})$/.test(id) && Number(id) < 2 ** 32);
};

/** Writes numeric ids, byte-plane coded. */
export const writeNumericIds = (w: ByteWriter, ids: readonly string[]): void => {
  writePlanes(w, Uint32Array.from(ids, Number));
};

/** Reads `count` numeric ids. */
export const readNumericIds = (r: ByteReader, count: number): Uint32Array => {
  const out = new Uint32Array(count);
  readPlanes(r, count, out);
  return out;
};

/** Writes string ids: all UTF-8 byte lengths as varints, then all the bytes. */
export const writeStringIds = (w: ByteWriter, ids: readonly string[]): void => {
  const enc = new TextEncoder();
  const encoded = ids.map((id) => enc.encode(id));
  for (const e of encoded) w.varint(e.length);
  for (const e of encoded) w.bytes(e);
};

/** Reads `count` string ids. */
export const readStringIds = (r: ByteReader, count: number): string[] => {
  const lengths = new Array<number>(count);
  for (let i = 0; i < count; i++) lengths[i] = r.varint();
  const dec = new TextDecoder();
  return lengths.map((n) => dec.decode(r.take(n)));
};
