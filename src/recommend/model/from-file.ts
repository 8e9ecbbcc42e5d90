import type { ModelFile } from '../format/decode-file';
import { DEFAULT_KNN_PARAMS, DEFAULT_TIER_PARAMS, readParams } from '../knn/params';
import { itemIds } from './item-ids';
import type { Model, ModelSource } from './model';
import type { SessionStore } from './session-store';
import { emptyStore, flatStore } from './session-store';
import type { ShardFetcher } from './sharded-store';
import { shardedStore } from './sharded-store';

/**
 * Turns a decoded file into a {@link Model}. A manifest gets a sharded store that loads
 * shards through `fetchShard`; without one (no network), it scores from popularity only.
 */
export const modelFromFile = (file: ModelFile, source: ModelSource, fetchShard?: ShardFetcher): Model => {
  const { header } = file;
  const meta = header.meta;
  let store: SessionStore = emptyStore();
  if (file.sessions) store = flatStore(file.sessions.offsets, file.sessions.items, header.itemCount);
  else if (file.shards && fetchShard) store = shardedStore(file.shards, header.sessionCount, fetchShard);
  return {
    meta: {
      version: typeof meta.version === 'string' && meta.version ? meta.version : `${header.builtAt.toString(36)}-${header.crc.toString(16)}`,
      formatVersion: header.version,
      builtAt: header.builtAt,
      itemCount: header.itemCount,
      sessionCount: header.sessionCount,
      sharded: header.kind === 1,
      source,
    },
    params: readParams(meta.params, DEFAULT_KNN_PARAMS),
    tiers: readParams(meta.tiers, DEFAULT_TIER_PARAMS),
    popularity: file.popularity,
    ids: itemIds(file.ids),
    store,
  };
};
