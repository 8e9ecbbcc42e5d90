import { fault, isFormatFault } from './byte-reader';
import type { ByteWriter } from './byte-writer';
import { FILE_KIND, SECTION } from './constants';
import { forEachSection, readHeader } from './header';
import type { DecodeProblem } from './decode-file';
import type { FlatSessions } from './sessions';
import { readSessions, writeSessions } from './sessions';

/** A decoded shard: the postings of items `[first, end)` and the sessions they point to. */
export interface ShardData {
  first: number;
  end: number;
  /** Global session indexes per item of the range, oldest first. */
  postings: Int32Array[];
  /** Session contents by global session index. */
  sessions: Map<number, Int32Array>;
  crc: number;
}

/**
 * Writes a shard's PSTS section body: per item its posting count and delta-coded global
 * session indexes, then the distinct sessions (delta-coded indexes, then their contents
 * in the SESS coding).
 */
export const writeShardBody = (w: ByteWriter, postings: readonly Int32Array[], sessions: FlatSessions & { index: Int32Array }): void => {
  for (const list of postings) {
    w.varint(list.length);
    let prev = 0;
    for (const s of list) {
      w.varint(s - prev);
      prev = s;
    }
  }
  w.varint(sessions.index.length);
  let prev = 0;
  for (const s of sessions.index) {
    w.varint(s - prev);
    prev = s;
  }
  writeSessions(w, sessions);
};

/** Validates and decodes a shard file. Never throws. */
export const decodeShard = (bytes: Uint8Array): ShardData | DecodeProblem => {
  try {
    const head = readHeader(bytes);
    if ('code' in head) {
      return head.code === 'version' ? { problem: 'version', version: head.version } : { problem: 'corrupt', reason: head.reason };
    }
    const { header, reader } = head;
    const first = Number(header.meta.first);
    const end = Number(header.meta.end);
    if (header.kind !== FILE_KIND.shard || !(first >= 0 && end >= first && end <= header.itemCount)) fault('not a shard');
    let out: ShardData | undefined;
    forEachSection(reader, (tag, r) => {
      if (tag !== SECTION.postings) return;
      const postings: Int32Array[] = [];
      for (let i = first; i < end; i++) {
        const list = new Int32Array(count(r.varint(), r.end - r.pos));
        for (let j = 0, s = 0; j < list.length; j++) list[j] = s += r.varint();
        postings.push(list);
      }
      const index = new Int32Array(count(r.varint(), r.end - r.pos));
      for (let j = 0, s = 0; j < index.length; j++) index[j] = s += r.varint();
      const flat = readSessions(r, index.length, header.itemCount);
      const sessions = new Map<number, Int32Array>();
      index.forEach((s, j) => sessions.set(s, flat.items.subarray(flat.offsets[j]!, flat.offsets[j + 1]!)));
      out = { first, end, postings, sessions, crc: header.crc };
    });
    return out ?? fault('missing postings section');
  } catch (error) {
    return { problem: 'corrupt', reason: isFormatFault(error) ? error.fault : String(error) };
  }
};

// Each counted value takes at least a byte: a larger count is corruption, not a reason to allocate.
const count = (n: number, left: number): number => {
  return n <= left ? n : fault('count exceeds the section');
};
