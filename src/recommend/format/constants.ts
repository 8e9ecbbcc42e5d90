/**
 * Layout constants of the `.slrm` model format (docs/recommend.md#format). Little
 * endian throughout; every number here is part of the file format contract.
 */

/** "SLRM" — the first four bytes of every model, manifest and shard file. */
export const MAGIC = 0x4d524c53;

/** The format version this decoder reads and the trainer writes. Bump on any layout change. */
export const FORMAT_VERSION = 1;

/** What a file holds. */
export const FILE_KIND = {
  /** A complete model: popularity, ids and every session. */
  model: 0,
  /** A sharded model's index: popularity, ids and the shard table, no sessions. */
  manifest: 1,
  /** One shard: the recent sessions of a range of items. */
  shard: 2,
} as const;

/** One of {@link FILE_KIND}. */
export type FileKind = (typeof FILE_KIND)[keyof typeof FILE_KIND];

/**
 * Fixed header: magic u32 · version u16 · kind u16 · total length u32 · CRC32 u32 ·
 * item count u32 · session count u32 · build time f64 (ms) · meta length u32, then the
 * meta JSON. The CRC covers every byte after its own field.
 */
export const HEADER_BYTES = 36;

/** Byte offset of the CRC32 field; the checksum covers `[CRC_START, total length)`. */
export const CRC_OFFSET = 12;
export const CRC_START = 16;

/** Section tags (four ASCII letters read as a little-endian u32). */
export const SECTION = {
  /** Occurrence counts per item index, non-increasing (index order is popularity order). */
  popularity: tag('POPS'),
  /** Numeric item ids per item index, byte-plane coded. */
  numericIds: tag('IDSN'),
  /** String item ids per item index: varint UTF-8 lengths, then the bytes. */
  stringIds: tag('IDSS'),
  /** Sessions: varint lengths, then byte-plane coded tokens (back-references or item indexes). */
  sessions: tag('SESS'),
  /** A manifest's shard table: per shard, its byte length and CRC32. */
  shards: tag('SHRD'),
  /** A shard's postings: per item, its recent sessions with their contents. */
  postings: tag('PSTS'),
} as const;

/**
 * Session tokens below this value refer back to an item already seen in the same
 * session (0 = the most recent distinct one); a token `t >= BACK_REFS` is item `t - BACK_REFS`.
 * About one click in seven repeats a recent item, so this saves ~5% of the file.
 */
export const BACK_REFS = 8;

/** A section tag's number. A hoisted declaration, not a `const` arrow: `SECTION` above calls it at import. */
function tag(name: string): number {
  return name.charCodeAt(0) | (name.charCodeAt(1) << 8) | (name.charCodeAt(2) << 16) | (name.charCodeAt(3) << 24);
}
