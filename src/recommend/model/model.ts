import type { SightlineError } from '../../types';
import type { KnnParams, TierParams } from '../knn/params';
import { DEFAULT_KNN_PARAMS, DEFAULT_TIER_PARAMS } from '../knn/params';
import type { ItemIds } from './item-ids';
import { itemIds } from './item-ids';
import type { SessionStore } from './session-store';
import { emptyStore } from './session-store';

/** Where a model in memory came from. */
export type ModelSource = 'network' | 'cache' | 'memory' | 'fallback';

/** Facts about a model; `version` goes into every recommendation event. */
export interface ModelMeta {
  /** Model version id (set by the trainer; else derived from build time and checksum). */
  version: string;
  formatVersion: number;
  builtAt: number;
  itemCount: number;
  sessionCount: number;
  sharded: boolean;
  source: ModelSource;
}

/** A decoded, ready-to-score model. Immutable; a new download yields a new object. */
export interface Model {
  readonly meta: ModelMeta;
  readonly params: KnnParams;
  readonly tiers: TierParams;
  /** Occurrence counts by item index; index order is popularity order. */
  readonly popularity: Uint32Array;
  readonly ids: ItemIds;
  readonly store: SessionStore;
  /** Set on a fallback model: why the real one is not in use. */
  readonly error?: SightlineError;
}

/** Whether `m` (from plain JavaScript, say) has the parts of a {@link Model} the recommender reads. */
export const isModel = (m: unknown): m is Model => {
  const { meta, ids, store, popularity } = Object(m) as Partial<Model>;
  return !!(meta && ids && store && popularity);
};

/**
 * A model with no sessions that recommends `popular` in the given order (most popular
 * first), or nothing: what the loader returns when the real model cannot be used.
 */
export const fallbackModel = (popular?: readonly (string | number)[], error?: SightlineError): Model => {
  // From plain JavaScript: a non-list is no list, and only string and number ids count (an
  // object without a prototype would even throw on conversion).
  // A list with an id twice keeps its first (most popular) place: ids are unique in a model.
  const ids = Array.isArray(popular) ? [...new Set(popular.filter((id) => typeof id == 'string' || typeof id == 'number').map(String))] : [];
  const popularity = Uint32Array.from(ids, (_, i) => ids.length - i);
  return {
    meta: {
      version: 'fallback',
      formatVersion: 0,
      builtAt: 0,
      itemCount: ids.length,
      sessionCount: 0,
      sharded: false,
      source: 'fallback',
    },
    params: DEFAULT_KNN_PARAMS,
    tiers: DEFAULT_TIER_PARAMS,
    popularity,
    ids: itemIds(ids),
    store: emptyStore(),
    ...(error ? { error } : {}),
  };
};
