/** What to do with a batch after the collector answered `status` (0: no answer). */
export type Outcome = 'sent' | 'retry' | 'split' | 'drop';

/**
 * 2xx: sent. No answer (network error, timeout), 408, 429 and 5xx: retry later.
 * 413: the batch is too large for this collector, send it in halves. Any other
 * status will not change by retrying: drop the batch and report it.
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (!status || status === 408 || status === 429 || status >= 500) return 'retry';
  return status === 413 ? 'split' : 'drop';
}

/**
 * The delay before retry number `attempt` (0-based): "full jitter", a random delay in
 * [0, min(cap, base·2^attempt)], which spreads many clients that failed together
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). A
 * `Retry-After` header (seconds or an HTTP date) wins when present.
 */
export function retryDelay(attempt: number, baseMs: number, capMs: number, retryAfter?: string | null): number {
  const ms = retryAfter ? (isNaN(+retryAfter) ? Date.parse(retryAfter) - Date.now() : +retryAfter * 1000) : -1;
  return ms >= 0 ? ms : Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}
