import type { ByteReader } from './byte-reader';
import { fault } from './byte-reader';
import type { ByteWriter } from './byte-writer';

/**
 * Byte-plane coding of unsigned integers: a plane count (1–4), then all low bytes,
 * then all next bytes, and so on. Item indexes are ordered by popularity, so the
 * high planes are mostly small, repetitive bytes that HTTP gzip squeezes to ~6 bits
 * per value — about 10% smaller than varints under gzip, and decoding is a tight loop.
 */
export const writePlanes = (w: ByteWriter, values: ArrayLike<number>): void => {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const planes = max < 0x100 ? 1 : max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
  w.u8(planes);
  const plane = new Uint8Array(values.length);
  for (let p = 0; p < planes; p++) {
    const div = 2 ** (8 * p);
    for (let i = 0; i < values.length; i++) plane[i] = Math.floor(values[i]! / div) & 0xff;
    w.bytes(plane);
  }
};

/** Reads `count` values written by {@link writePlanes} into `out` (which must hold them). */
export const readPlanes = (r: ByteReader, count: number, out: Int32Array | Uint32Array): void => {
  const planes = r.u8();
  if (planes < 1 || planes > 4) fault('bad plane count');
  out.fill(0, 0, count);
  for (let p = 0; p < planes; p++) {
    const plane = r.take(count);
    const shift = 8 * p;
    for (let i = 0; i < count; i++) out[i] = out[i]! | (plane[i]! << shift);
  }
};
