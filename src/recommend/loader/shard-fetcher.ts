import type { ShardData } from '../format/shard';
import { decodeShard } from '../format/shard';
import type { ShardEntry } from '../format/shard-table';
import { RECOMMEND_ERRORS } from '../errors';
import type { ShardFetcher } from '../model/sharded-store';
import { fetchBytes } from './fetch-bytes';
import type { LoadContext } from './load-model';
import { requestOptions } from './options';

/**
 * Fetches shards of a sharded model relative to its manifest's URL. Shards are
 * immutable (the manifest pins each one's checksum), so a cached shard whose checksum
 * matches is used without asking the server; anything else is fetched (with the load's
 * credentials, timeout and fetch) and checked.
 */
export const shardFetcher = (ctx: LoadContext): ShardFetcher => {
  return async (entry) => {
    const url = new URL(entry.file, ctx.url).href;
    const cached = await ctx.cache?.get(url);
    const fromCache = cached ? matching(decodeShard(cached.bytes), entry) : undefined;
    if (fromCache) return fromCache;
    const got = await fetchBytes(url, requestOptions(ctx.o));
    if (got.status !== 'ok') {
      ctx.report({ code: RECOMMEND_ERRORS.shardUnavailable, message: `Model shard ${entry.file} could not be fetched`, source: 'network', detail: { url, ...(got.status === 'error' ? got.error.detail : {}) } });
      return undefined;
    }
    const shard = matching(decodeShard(got.bytes), entry);
    if (!shard) {
      ctx.report({ code: RECOMMEND_ERRORS.shardUnavailable, message: `Model shard ${entry.file} is corrupt or from another build`, source: 'sdk', detail: { url } });
      // A cached manifest younger than maxAgeMs, with the server already on the next build:
      // the newer manifest (through onUpdate) pins the shards the server now has.
      ctx.outdated?.();
      return undefined;
    }
    await ctx.cache?.put({ url, bytes: got.bytes, storedAt: Date.now() });
    return shard;
  };
};

const matching = (data: ReturnType<typeof decodeShard>, entry: ShardEntry): ShardData | undefined => {
  return 'problem' in data || data.crc !== entry.crc || data.first !== entry.first || data.end !== entry.end ? undefined : data;
};
