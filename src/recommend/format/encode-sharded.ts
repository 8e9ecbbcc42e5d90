import { byteWriter } from './byte-writer';
import { FILE_KIND, SECTION } from './constants';
import { crc32 } from './crc32';
import type { ModelInput } from './encode-model';
import { modelMeta, writeCatalog } from './encode-model';
import { sealFile, writeHeader, writeSection } from './header';
import type { ShardEntry } from './shard-table';
import { writeShardTable } from './shard-table';
import { writeShardBody } from './shard';
import { recentPostings } from './recent-postings';

/** A sharded model: the manifest and its shard files (names relative to the manifest). */
export interface ShardedModel {
  manifest: Uint8Array;
  shards: { file: string; bytes: Uint8Array }[];
}

/**
 * Encodes a model as a manifest plus shards of `shardSize` items each. A shard holds, for
 * each of its items, the `params.sample` most recent sessions containing it, with their
 * contents, so the browser fetches only the shards of the items a shopper touches.
 * Sessions shared by several shards are repeated in each: more bytes in total, fewer per page.
 */
export const encodeSharded = (input: ModelInput, shardSize: number, baseName: string): ShardedModel => {
  const itemCount = input.ids.length;
  const postings = recentPostings(input.sessions, itemCount, input.params.sample);
  const shards: ShardedModel['shards'] = [];
  const table: ShardEntry[] = [];
  for (let first = 0, i = 0; first < itemCount; first += shardSize, i++) {
    const end = Math.min(itemCount, first + shardSize);
    const file = `${baseName}.${i}.slrm`;
    const bytes = encodeShard(input, postings.slice(first, end), { first, end, index: i });
    shards.push({ file, bytes });
    table.push({ first, end, file, bytes: bytes.length, crc: crc32(bytes, 16) });
  }
  const w = byteWriter(1 << 16);
  writeHeader(w, {
    kind: FILE_KIND.manifest,
    itemCount,
    sessionCount: input.sessions.offsets.length - 1,
    builtAt: input.builtAt,
    meta: modelMeta(input, { shardSize }),
  });
  writeCatalog(w, input);
  writeSection(w, SECTION.shards, () => writeShardTable(w, table));
  return { manifest: sealFile(w), shards };
};

const encodeShard = (input: ModelInput, postings: Int32Array[], range: { first: number; end: number; index: number }): Uint8Array => {
  const { offsets, items } = input.sessions;
  const index = Int32Array.from(new Set(postings.flatMap((p) => Array.from(p)))).sort();
  const local = new Int32Array(index.length + 1);
  index.forEach((s, j) => (local[j + 1] = local[j]! + offsets[s + 1]! - offsets[s]!));
  const localItems = new Int32Array(local[index.length]!);
  index.forEach((s, j) => localItems.set(items.subarray(offsets[s]!, offsets[s + 1]!), local[j]!));
  const w = byteWriter(1 << 16);
  writeHeader(w, {
    kind: FILE_KIND.shard,
    itemCount: input.ids.length,
    sessionCount: index.length,
    builtAt: input.builtAt,
    meta: { version: input.version, shard: range.index, first: range.first, end: range.end },
  });
  writeSection(w, SECTION.postings, () => writeShardBody(w, postings, { offsets: local, items: localItems, index }));
  return sealFile(w);
};
