/**
 * Error codes of the recommender, listed in docs/errors.md (## recommend). Each is
 * reported through `client.reportError` (or the loader's `onError`) and never thrown:
 * the recommender falls back to popularity, or to an empty model, and keeps answering.
 */
export const RECOMMEND_ERRORS = {
  /** The model file failed validation: bad magic, truncated, checksum mismatch, bad section. */
  modelCorrupt: 'recommend/model-corrupt',
  /** The model file's format version is not one this decoder reads. */
  modelVersion: 'recommend/model-version',
  /** The model could not be fetched (network error, HTTP error status, no fetch), or what was given is no model. */
  modelUnavailable: 'recommend/model-unavailable',
  /** A shard of a sharded model could not be fetched or failed validation. */
  shardUnavailable: 'recommend/shard-unavailable',
  /** A model cache of the shop's own (`cache` option) threw, rejected or did not settle in time; the load went on without it. */
  cacheFailed: 'recommend/cache-failed',
  /** A recommender callback or listener threw; the event or call it handled is skipped. */
  listenerFailed: 'recommend/listener-failed',
} as const;

/** One of the recommend error codes. */
export type RecommendErrorCode = (typeof RECOMMEND_ERRORS)[keyof typeof RECOMMEND_ERRORS];
