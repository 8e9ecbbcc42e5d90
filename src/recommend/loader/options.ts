import type { SightlineError } from '../../types';
import type { ModelCache } from '../../storage/model-cache';
import type { Model } from '../model/model';

/** Options of `loadModel`. */
export interface LoadModelOptions {
  /**
   * Cache models in IndexedDB (default true); or a cache of your own (tests, other stores).
   * A call of your cache that throws, rejects or has not settled within 5 s counts as a miss,
   * and is reported once per load (`recommend/cache-failed`).
   */
  cache?: boolean | ModelCache;
  /** How long a cached model is used without asking the server (ms, default 1 hour). */
  maxAgeMs?: number;
  /** Give up on a request after this long (ms, default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Sent with the model and its shards alike (default `'same-origin'`). */
  credentials?: RequestCredentials;
  /** Items to recommend, most popular first, when no model can be used at all. */
  popular?: readonly (string | number)[];
  /** Receives every problem (the recommender passes `client.reportError`). */
  onError?: (error: SightlineError) => void;
  /** Receives a newer model found by a background revalidation (stale-while-revalidate). */
  onUpdate?: (model: Model) => void;
}

/** Defaults of {@link LoadModelOptions}. */
export const LOAD_DEFAULTS = {
  /** An hour: models are rebuilt daily at most, and a revalidation is one small 304. */
  maxAgeMs: 60 * 60_000,
  /** Generous: a 2 MB model on a slow 3G link takes about 10 s. */
  timeoutMs: 15_000,
} as const;

/** What every request of a load sends: the model, its revalidations and its shards. */
export const requestOptions = (o: LoadModelOptions) => ({
  timeoutMs: o.timeoutMs ?? LOAD_DEFAULTS.timeoutMs,
  ...(o.fetch ? { fetch: o.fetch } : {}),
  ...(o.credentials ? { credentials: o.credentials } : {}),
});
