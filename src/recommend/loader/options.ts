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
  /** Give up on a request after this long (ms, default 15 s; `Infinity`: as long as a timer can wait, ~24.8 days). */
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

/**
 * The longest delay a browser timer takes (2^31 − 1 ms): `MAX_TIMER_MS` of lib/max-timer.ts.
 * Not imported from there: rollup then put that module and storage/web-storage.ts in one
 * chunk of dist/esm, which measured +14 B for `autocapture()` (over its 6 KB goal).
 */
const LONGEST_TIMER_MS = 2_147_483_647;

/** What every request of a load sends: the model, its revalidations and its shards. */
export const requestOptions = (o: LoadModelOptions) => ({
  // A timer of NaN, or longer than the longest, fires at once: every request failed. Infinity
  // and longer wait as long as a timer can; what is not a number above 0, the default.
  timeoutMs: Math.min(o.timeoutMs! > 0 ? o.timeoutMs! : LOAD_DEFAULTS.timeoutMs, LONGEST_TIMER_MS),
  ...(o.fetch ? { fetch: o.fetch } : {}),
  ...(o.credentials ? { credentials: o.credentials } : {}),
});
