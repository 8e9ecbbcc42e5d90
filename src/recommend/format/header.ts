import type { ByteReader } from './byte-reader';
import { byteReader, fault } from './byte-reader';
import type { ByteWriter } from './byte-writer';
import { CRC_OFFSET, CRC_START, FORMAT_VERSION, HEADER_BYTES, MAGIC } from './constants';
import type { FileKind } from './constants';
import { crc32 } from './crc32';

/** The fixed header of every `.slrm` file, plus its JSON meta block. */
export interface FileHeader {
  version: number;
  kind: FileKind;
  itemCount: number;
  sessionCount: number;
  builtAt: number;
  crc: number;
  meta: Record<string, unknown>;
}

/** Why a header was refused: the two cases the loader reports with different codes. */
export type HeaderProblem = { code: 'version'; version: number } | { code: 'corrupt'; reason: string };

/**
 * Checks magic, format version, length and checksum, in that order (the first 8 bytes
 * keep their meaning in every version, so a newer file is told apart from a broken one),
 * and returns a reader positioned at the first section.
 */
export const readHeader = (bytes: Uint8Array): { header: FileHeader; reader: ByteReader } | HeaderProblem => {
  if (bytes.length < HEADER_BYTES) return { code: 'corrupt', reason: 'shorter than a header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return { code: 'corrupt', reason: 'not a sightline model (bad magic)' };
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) return { code: 'version', version };
  const total = view.getUint32(8, true);
  if (total !== bytes.length) {
    return { code: 'corrupt', reason: total > bytes.length ? 'truncated' : 'trailing bytes' };
  }
  const crc = view.getUint32(CRC_OFFSET, true);
  if (crc32(bytes, CRC_START) !== crc) return { code: 'corrupt', reason: 'checksum mismatch' };
  const r = byteReader(bytes, 6);
  const kind = r.u16() as FileKind;
  r.pos = CRC_START;
  const itemCount = r.u32();
  const sessionCount = r.u32();
  // Counts size the decoder's arrays: a complete model spends at least a byte on each
  // item and session, so larger counts are corruption, not a reason to allocate gigabytes.
  if (itemCount > bytes.length || (kind !== 1 && sessionCount > bytes.length)) fault('counts exceed the file');
  const builtAt = r.f64();
  const metaBytes = r.take(r.u32());
  const meta = parseMeta(metaBytes);
  return { header: { version, kind, itemCount, sessionCount, builtAt, crc, meta }, reader: r };
};

const parseMeta = (bytes: Uint8Array): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the fault: a checksummed file with bad JSON was written wrong.
  }
  return fault('bad meta block');
};

/** Writes a header with placeholder length and CRC; {@link sealFile} fills them in. */
export const writeHeader = (w: ByteWriter, h: Omit<FileHeader, 'version' | 'crc'>): void => {
  w.u32(MAGIC);
  w.u16(FORMAT_VERSION);
  w.u16(h.kind);
  w.u32(0);
  w.u32(0);
  w.u32(h.itemCount);
  w.u32(h.sessionCount);
  w.f64(h.builtAt);
  const meta = new TextEncoder().encode(JSON.stringify(h.meta));
  w.u32(meta.length);
  w.bytes(meta);
};

/** Finishes a file: patches its total length and CRC32 and returns its bytes. */
export const sealFile = (w: ByteWriter): Uint8Array => {
  w.patchU32(8, w.length);
  const bytes = w.finish();
  new DataView(bytes.buffer).setUint32(CRC_OFFSET, crc32(bytes, CRC_START), true);
  return bytes;
};

/** Calls `fn(tag, reader)` for each section up to the end; the reader is bounded to it. */
export const forEachSection = (r: ByteReader, fn: (tag: number, section: ByteReader) => void): void => {
  while (r.pos < r.end) {
    const tag = r.u32();
    const length = r.u32();
    const start = r.pos;
    r.take(length);
    fn(tag, byteReader(r.bytes, start, start + length));
  }
};

/** Writes one section: tag, a length patched afterwards, and what `fn` writes. */
export const writeSection = (w: ByteWriter, tag: number, fn: () => void): void => {
  w.u32(tag);
  const at = w.length;
  w.u32(0);
  fn();
  w.patchU32(at, w.length - at - 4);
};
