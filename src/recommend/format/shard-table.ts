import type { ByteReader } from './byte-reader';
import { fault } from './byte-reader';
import type { ByteWriter } from './byte-writer';

/** One shard as listed in a manifest: its item range, file name (relative to the manifest) and checks. */
export interface ShardEntry {
  /** First item index in the shard. */
  first: number;
  /** One past the last item index. */
  end: number;
  file: string;
  bytes: number;
  crc: number;
}

/** Writes the manifest's shard table. */
export const writeShardTable = (w: ByteWriter, shards: readonly ShardEntry[]): void => {
  const enc = new TextEncoder();
  w.varint(shards.length);
  for (const s of shards) {
    const name = enc.encode(s.file);
    w.varint(s.first);
    w.varint(s.end - s.first);
    w.varint(name.length);
    w.bytes(name);
    w.u32(s.bytes);
    w.u32(s.crc);
  }
};

/** Reads the manifest's shard table; ranges must be contiguous and ordered. */
export const readShardTable = (r: ByteReader): ShardEntry[] => {
  const count = r.varint();
  const dec = new TextDecoder();
  const out: ShardEntry[] = [];
  for (let i = 0; i < count; i++) {
    const first = r.varint();
    const end = first + r.varint();
    const file = dec.decode(r.take(r.varint()));
    if (i > 0 && first !== out[i - 1]!.end) fault('shard ranges not contiguous');
    out.push({ first, end, file, bytes: r.u32(), crc: r.u32() });
  }
  return out;
};
