import { MAX_TIMER_MS } from '../lib/max-timer';

/**
 * Whether a batch the collector answered with `status` (0: no answer — a network error or
 * a timeout) is worth sending again later: no answer, 408, 429 and 5xx. A 2xx is sent,
 * a 413 is split in halves, and any other status will not change by retrying (dropped).
 */
export const retryable = (status: number): boolean => !status || status == 408 || status == 429 || status > 499;

/**
 * The delay before retry number `attempt` (0-based): "full jitter", a random delay in
 * [0, min(cap, base·2^attempt)], which spreads many clients that failed together
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). A
 * `Retry-After` header (seconds or an HTTP date) wins when present and in the future (0
 * would have a collector that keeps answering it asked again in a tight loop). Never past
 * the longest timer delay: a longer one would fire at once, and retry in a tight loop.
 */
export const retryDelay = (attempt: number, baseMs: number, capMs: number, retryAfter?: string | null): number => {
  const ms = retryAfter ? (isNaN(+retryAfter) ? Date.parse(retryAfter) - Date.now() : +retryAfter * 1000) : -1;
  return Math.min(ms > 0 ? ms : Math.random() * Math.min(capMs, baseMs * 2 ** attempt), MAX_TIMER_MS);
};
