import * as D from './constants';
import type { QueueTier } from '../storage/queue-store';
import type { FlushReason, QueueStats, SightlineEvent } from '../types';

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

/** Options of {@link collector}. Every field but `endpoint` has a default. */
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
    /** Send once this many bytes of events wait; a request body never exceeds it (default and maximum 64 KiB). */
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
  /** Compress request bodies with gzip (`Content-Encoding: gzip`) where CompressionStream exists; never beacons (default false). */
  gzip?: boolean;
  /** Abort and retry a request unanswered after this long (default 10,000 ms). */
  timeoutMs?: number;
}

/** {@link QueueStats} plus what the debug panel shows about a collector. */
export interface CollectorStats extends QueueStats {
  /** The reason of the last flush. */
  lastFlush?: FlushReason;
  /** Where the queue lives now. */
  storage: QueueTier;
}

/** {@link CollectorOptions} with every default filled in (see constants.ts for the reasons). */
export interface Settings {
  name: string;
  maxEvents: number;
  /** A request body's ceiling. */
  maxBytes: number;
  /** What the events of one batch may weigh: `maxBytes` less the envelope. */
  batchBytes: number;
  intervalMs: number;
  queueEvents: number;
  queueBytes: number;
  baseMs: number;
  capMs: number;
  timeoutMs: number;
}

/** Fills in the defaults; `batch.maxBytes` can never pass the 64 KiB keepalive budget. */
export function resolveSettings(o: CollectorOptions): Settings {
  const { batch = {}, queue = {}, retry = {} } = o;
  const maxBytes = Math.min(batch.maxBytes ?? D.KEEPALIVE_BYTES, D.KEEPALIVE_BYTES);
  return {
    name: queue.name ?? `sightline:${o.endpoint}`,
    maxEvents: batch.maxEvents ?? D.BATCH_EVENTS,
    maxBytes,
    batchBytes: maxBytes - D.ENVELOPE_BYTES,
    intervalMs: batch.intervalMs ?? D.BATCH_INTERVAL_MS,
    queueEvents: queue.maxEvents ?? D.QUEUE_EVENTS,
    queueBytes: queue.maxBytes ?? D.QUEUE_BYTES,
    baseMs: retry.baseMs ?? D.RETRY_BASE_MS,
    capMs: retry.capMs ?? D.RETRY_CAP_MS,
    timeoutMs: o.timeoutMs ?? D.TIMEOUT_MS,
  };
}
