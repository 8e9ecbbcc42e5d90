/** A growable little-endian byte buffer; the encoder's counterpart of `byteReader`. */
export interface ByteWriter {
  readonly length: number;
  u8(value: number): void;
  u16(value: number): void;
  u32(value: number): void;
  f64(value: number): void;
  varint(value: number): void;
  bytes(data: Uint8Array): void;
  /** Overwrites a u32 already written at `at` (lengths and checksums known only at the end). */
  patchU32(at: number, value: number): void;
  finish(): Uint8Array;
}

/** Creates an empty {@link ByteWriter}. */
export const byteWriter = (initial = 1 << 16): ByteWriter => {
  let buf = new Uint8Array(initial);
  let view = new DataView(buf.buffer);
  let len = 0;
  const room = (n: number): number => {
    if (len + n > buf.length) {
      const next = new Uint8Array(Math.max(buf.length * 2, len + n));
      next.set(buf.subarray(0, len));
      buf = next;
      view = new DataView(buf.buffer);
    }
    const at = len;
    len += n;
    return at;
  };
  return {
    get length() {
      return len;
    },
    // `room` may swap `buf` for a bigger one, so it runs before `buf` is read.
    u8(v) {
      const at = room(1);
      buf[at] = v;
    },
    u16(v) {
      const at = room(2);
      view.setUint16(at, v, true);
    },
    u32(v) {
      const at = room(4);
      view.setUint32(at, v >>> 0, true);
    },
    f64(v) {
      const at = room(8);
      view.setFloat64(at, v, true);
    },
    varint(v) {
      let x = Math.floor(v);
      while (x >= 0x80) {
        this.u8((x % 0x80) | 0x80);
        x = Math.floor(x / 0x80);
      }
      this.u8(x);
    },
    bytes(data) {
      const at = room(data.length);
      buf.set(data, at);
    },
    patchU32: (at, v) => view.setUint32(at, v >>> 0, true),
    finish: () => buf.slice(0, len),
  };
};
