import type { IncomingMessage } from 'node:http';
import type { HttpFailure } from './errors.ts';

/** How a batch ended, for its log line. */
export type BatchOutcome =
  | { received: number; stored: number; duplicates: number; dropped?: boolean }
  | { dropped: true }
  | { failure: HttpFailure };

/**
 * One compact line per batch, e.g.
 * `[collector] 200 POST /v1/batch segment received=3 stored=2 duplicates=1 4ms`.
 */
export function logBatch(req: IncomingMessage, outcome: BatchOutcome, ms: number, format: string): string {
  const head = `${req.method ?? '?'} ${(req.url ?? '/').split('?')[0]} ${format}`;
  if ('failure' in outcome) {
    const { status, code, index } = outcome.failure;
    return `[collector] ${status} ${head} ${code}${index === undefined ? '' : ` (event ${index})`} ${ms}ms`;
  }
  const counts = 'received' in outcome
    ? ` received=${outcome.received} stored=${outcome.stored} duplicates=${outcome.duplicates}`
    : '';
  const status = outcome.dropped ? 'DROP' : '200';
  return `[collector] ${status} ${head}${counts}${outcome.dropped ? ' (chaos: connection dropped)' : ''} ${ms}ms`;
}
