import { fault, isFormatFault } from './byte-reader';
import type { FileKind } from './constants';
import { SECTION } from './constants';
import type { FileHeader } from './header';
import { forEachSection, readHeader } from './header';
import { readNumericIds, readStringIds } from './ids';
import { readPopularity } from './popularity';
import type { FlatSessions } from './sessions';
import { readSessions } from './sessions';
import type { ShardEntry } from './shard-table';
import { readShardTable } from './shard-table';

/** The sections of a model or manifest file, decoded. */
export interface ModelFile {
  header: FileHeader;
  popularity: Uint32Array;
  ids: Uint32Array | string[];
  /** Present in a complete model. */
  sessions?: FlatSessions;
  /** Present in a manifest. */
  shards?: ShardEntry[];
}

/** What went wrong, mapped by the loader to `recommend/model-version` or `recommend/model-corrupt`. */
export type DecodeProblem = { problem: 'version'; version: number } | { problem: 'corrupt'; reason: string };

/**
 * Validates and decodes a model or manifest file. Never throws: every way a file can be
 * broken (short, wrong magic, other version, bad checksum, malformed section) comes back
 * as a {@link DecodeProblem}.
 */
export const decodeModelFile = (bytes: Uint8Array, kinds: readonly FileKind[] = [0, 1]): ModelFile | DecodeProblem => {
  try {
    const head = readHeader(bytes);
    if ('code' in head) {
      return head.code === 'version' ? { problem: 'version', version: head.version } : { problem: 'corrupt', reason: head.reason };
    }
    const { header, reader } = head;
    if (!kinds.includes(header.kind)) return { problem: 'corrupt', reason: `unexpected file kind ${header.kind}` };
    const out: Partial<ModelFile> = { header };
    forEachSection(reader, (tag, r) => {
      if (tag === SECTION.popularity) out.popularity = readPopularity(r, header.itemCount);
      else if (tag === SECTION.numericIds) out.ids = readNumericIds(r, header.itemCount);
      else if (tag === SECTION.stringIds) out.ids = readStringIds(r, header.itemCount);
      else if (tag === SECTION.sessions) out.sessions = readSessions(r, header.sessionCount, header.itemCount);
      else if (tag === SECTION.shards) out.shards = readShardTable(r);
      // Unknown sections are skipped: a later minor writer may add optional ones.
    });
    if (!out.popularity || !out.ids) fault('missing popularity or id section');
    if (header.kind === 0 && !out.sessions) fault('missing session section');
    if (header.kind === 1 && !out.shards) fault('missing shard table');
    return out as ModelFile;
  } catch (error) {
    if (isFormatFault(error)) return { problem: 'corrupt', reason: error.fault };
    // A RangeError from a typed-array allocation sized by a hostile count, and the like.
    return { problem: 'corrupt', reason: String(error) };
  }
};
