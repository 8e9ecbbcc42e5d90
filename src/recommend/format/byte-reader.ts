/**
 * Thrown by {@link ByteReader} on a read past the end or a malformed varint. It never
 * leaves the decoder: `decodeModel` turns it into a `recommend/model-corrupt` result.
 */
export interface FormatFault {
  readonly fault: string;
}

/** Throws a {@link FormatFault}; the decoder catches it and reports a corrupt model. */
export const fault = (reason: string): never => {
  throw { fault: reason } satisfies FormatFault;
};

/** True for what {@link fault} throws. */
export const isFormatFault = (value: unknown): value is FormatFault => {
  return typeof value === 'object' && value !== null && typeof (value as FormatFault).fault === 'string';
};

/** A bounds-checked cursor over bytes: every read past `end` is a {@link FormatFault}. */
export interface ByteReader {
  readonly bytes: Uint8Array;
  pos: number;
  end: number;
  u8(): number;
  u16(): number;
  u32(): number;
  f64(): number;
  varint(): number;
  take(length: number): Uint8Array;
}

/** Creates a reader over `bytes[start, end)`. */
export const byteReader = (bytes: Uint8Array, start = 0, end = bytes.length): ByteReader => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (r: ByteReader, n: number): number => {
    if (r.pos + n > r.end) fault('truncated');
    const at = r.pos;
    r.pos += n;
    return at;
  };
  return {
    bytes,
    pos: start,
    end,
    u8() {
      return bytes[need(this, 1)]!;
    },
    u16() {
      return view.getUint16(need(this, 2), true);
    },
    u32() {
      return view.getUint32(need(this, 4), true);
    },
    f64() {
      return view.getFloat64(need(this, 8), true);
    },
    varint() {
      let value = 0;
      // Five 7-bit groups hold any u32; a longer run is corruption, not a big number.
      for (let shift = 0; shift < 35; shift += 7) {
        const b = bytes[need(this, 1)]!;
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
      }
      return fault('varint too long');
    },
    take(length) {
      const at = need(this, length);
      return bytes.subarray(at, at + length);
    },
  };
};
