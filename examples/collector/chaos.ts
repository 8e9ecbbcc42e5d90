import { CollectorErrorCode as Code, httpFailure, type HttpFailure } from './errors.ts';

/** What chaos mode decided for one ingestion request. */
export type ChaosDecision =
  | { kind: 'pass' }
  /** Answer this failure without storing anything. */
  | { kind: 'fail'; failure: HttpFailure }
  /** Destroy the socket unanswered; `afterStore` stores the batch first (a lost acknowledgement). */
  | { kind: 'drop'; afterStore: boolean };

/** The chaos settings (all off by default). */
export interface ChaosOptions {
  failRate: number;
  /** The `Retry-After` of a 429, in seconds (default 1). */
  retryAfterS?: number;
  dropConnectionRate: number;
  random: () => number;
}

/**
 * Decides the fate of one ingestion request. Draws from `random` in a fixed order, and
 * only for the settings that are on, so an injected sequence gives the same answers:
 * drop? (then: after storing?), fail? (then: which status).
 */
export function decideChaos({ failRate, retryAfterS = 1, dropConnectionRate, random }: ChaosOptions): ChaosDecision {
  if (dropConnectionRate > 0 && random() < dropConnectionRate) {
    return { kind: 'drop', afterStore: random() < 0.5 };
  }
  if (failRate > 0 && random() < failRate) return { kind: 'fail', failure: chaosFailure(random(), retryAfterS) };
  return { kind: 'pass' };
}

/** One in five failures is a 429 with `Retry-After: retryAfterS`; the rest are split between 500 and 503. */
function chaosFailure(draw: number, retryAfterS: number): HttpFailure {
  if (draw < 0.2) {
    return httpFailure(429, Code.rateLimited, `chaos: rate limited, retry after ${retryAfterS} s`, { headers: { 'Retry-After': String(retryAfterS) } });
  }
  if (draw < 0.6) return httpFailure(500, Code.internal, 'chaos: internal error');
  return httpFailure(503, Code.unavailable, 'chaos: service unavailable');
}
