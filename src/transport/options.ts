import type { QueueTier } from '../storage/queue-store';
import type { FlushReason, QueueStats, SightlineEvent } from '../types';
import type { gzip } from './gzip';

/** What a custom {@link CollectorFormat} function receives besides the events. */
export interface FormatMeta {
  /** ISO 8601 time the batch leaves the device. */
  sentAt: string;
  writeKey?: string;
  endpoint: string;
}

/** What a custom {@link CollectorFormat} function returns. */
export interface FormattedRequest {
  /** The request body, as text. */
  body: string;
  /** Extra headers. A request with headers is sent with fetch keepalive at page exit (beacons carry none). */
  headers?: Record<string, string>;
  /** Where to POST it; defaults to `endpoint`. */
  url?: string;
}

/**
 * How batches are encoded:
 * - `native`: POST `{ batch: SightlineEvent[], sentAt, writeKey? }` to `endpoint`
 *   (`Content-Type: text/plain`, so no CORS preflight; the body is JSON);
 * - `segment`: POST `{ batch, sentAt, writeKey }` to `<endpoint>/v1/batch` with HTTP Basic
 *   auth of the write key — what Segment, RudderStack and Jitsu accept;
 * - a function of the events and {@link FormatMeta}, returning {@link FormattedRequest}.
 */
export type CollectorFormat =
  | 'native'
  | 'segment'
  | ((events: SightlineEvent[], meta: FormatMeta) => FormattedRequest);

/**
 * Options of {@link collector}. Every field but `endpoint` has a default. An option it
 * cannot use (a number outside its range, an unknown `format`, `headers` that fetch would
 * refuse: docs/delivery.md, "Options") takes its default and is reported once at setup as
 * `transport/invalid-option`.
 */
export interface CollectorOptions {
  /** The collector's URL (any origin; cross-origin collectors must answer CORS). */
  endpoint: string;
  /** Batch encoding (default `native`). */
  format?: CollectorFormat;
  /** Sent with every batch (default: the client's `writeKey`). */
  writeKey?: string;
  /** Extra request headers (not CORS-safelisted ones cost a preflight; at page exit they force fetch keepalive). */
  headers?: Record<string, string>;
  batch?: {
    /** Send once this many events wait (default 50). */
    maxEvents?: number;
    /** Send once this many bytes of events wait; a request body never exceeds it (default and maximum 64 KiB, minimum 1,024). */
    maxBytes?: number;
    /** Send what waits at most this long after it was queued (default 2,000 ms). */
    intervalMs?: number;
  };
  retry?: {
    /** Upper bound of the first retry's random delay (default 1,000 ms); doubles per attempt. */
    baseMs?: number;
    /** Largest delay between retries (default 300,000 ms); a `Retry-After` may ask for more. */
    capMs?: number;
  };
  queue?: {
    /** Most events kept while they cannot be sent (default 10,000); past it the oldest are dropped and reported. */
    maxEvents?: number;
    /** Most bytes kept (default 5 MB); same rule. */
    maxBytes?: number;
    /** Names the IndexedDB database, localStorage keys and the tab lock (default `sightline:<endpoint>`). */
    name?: string;
  };
  /**
   * Gzips request bodies (`Content-Encoding: gzip`): pass the exported {@link gzip} helper,
   * or any function that returns a gzip Blob (undefined: send the body as it is). Never
   * for beacons. Default: none.
   */
  compress?: (body: string) => Promise<Blob> | undefined;
  /** Abort and retry a request unanswered after this long (default 10,000 ms). */
  timeoutMs?: number;
  /**
   * Events of one name (one call type for page, identify and alias) admitted per 10 s, as a
   * token bucket, so a runaway loop on the page cannot flood the collector. The excess is
   * dropped in the `before` stage, so no plugin enriches or receives it (`drop` fires) and reported once per window
   * (`input/rate-limited`). Default 50; 0 turns the limit off.
   */
  ratePerName?: number;
}

/** {@link QueueStats} plus what the debug panel shows about a collector. */
export interface CollectorStats extends QueueStats {
  /** The reason of the last flush. */
  lastFlush?: FlushReason;
  /** Where the queue lives now. */
  storage: QueueTier;
}
