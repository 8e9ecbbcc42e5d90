import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { checkWriteKey, requestWriteKey } from './auth.ts';
import { parseBatch, type BatchFormat } from './batch.ts';
import { readBody } from './body.ts';
import { decideChaos } from './chaos.ts';
import type { CollectorContext } from './context.ts';
import { CollectorErrorCode as Code, httpFailure, isHttpFailure, type HttpFailure } from './errors.ts';
import { requestUrl, sendFailure, sendJson } from './http.ts';
import { logBatch } from './log.ts';

/** What a successful ingestion answers. */
export interface IngestResponse {
  ok: true;
  received: number;
  stored: number;
  duplicates: number;
}

/**
 * Handles `POST /v1/batch` (segment) and `POST /v1/native` or `/collect` (native):
 * chaos, write key, body, validation, then one transaction for the whole batch.
 */
export async function handleIngest(ctx: CollectorContext, req: IncomingMessage, res: ServerResponse, format: BatchFormat): Promise<void> {
  const started = Date.now();
  const { options } = ctx;
  const line = (outcome: Parameters<typeof logBatch>[1]) => {
    if (!options.quiet) options.log(logBatch(req, outcome, Date.now() - started, format));
  };
  const chaos = decideChaos(options);
  if (options.latencyMs > 0) await delay(options.latencyMs);
  if (chaos.kind === 'drop' && !chaos.afterStore) return dropConnection(req, () => line({ dropped: true }));
  if (chaos.kind === 'fail') return answerFailure(res, chaos.failure, line);
  try {
    const result = await ingest(ctx, req, format);
    if (chaos.kind === 'drop') return dropConnection(req, () => line({ dropped: true, ...result }));
    sendJson(res, 200, { ok: true, ...result } satisfies IngestResponse);
    line(result);
  } catch (error) {
    const failure = isHttpFailure(error) ? error : httpFailure(500, Code.internal, 'the collector failed to store the batch');
    if (!isHttpFailure(error)) options.log(`[collector] internal error: ${String((error as Error)?.stack ?? error)}`);
    answerFailure(res, failure, line);
  }
}

async function ingest(ctx: CollectorContext, req: IncomingMessage, format: BatchFormat) {
  const query = requestUrl(req).searchParams;
  const headerKey = requestWriteKey(req, query, undefined);
  // A wrong key in a header is refused before the body is read.
  if (headerKey !== undefined) throwIf(checkWriteKey(ctx.options.writeKey, headerKey));
  checkContentType(req.headers['content-type']);
  const batch = parseBatch(await readBody(req, ctx.options.maxBodyBytes), format);
  throwIf(checkWriteKey(ctx.options.writeKey, headerKey ?? batch.writeKey));
  const meta = { format, receivedAt: Date.now(), ...(batch.sentAt ? { sentAt: batch.sentAt } : {}) };
  const { stored, duplicates } = ctx.store.insertBatch(batch.events, meta);
  stored.forEach((event) => ctx.stream.publish(event));
  return { received: batch.events.length, stored: stored.length, duplicates };
}

/** JSON bodies arrive as application/json, or text/plain from sendBeacon (no CORS preflight). */
function checkContentType(header: string | undefined): void {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/json' || type === 'text/plain' || /^application\/[\w.+-]*\+json$/.test(type)) return;
  throw httpFailure(415, Code.unsupportedMediaType, `Content-Type "${type}" is not supported; send application/json or text/plain`);
}

function throwIf(failure: HttpFailure | undefined): void {
  if (failure) throw failure;
}

function answerFailure(res: ServerResponse, failure: HttpFailure, line: (outcome: { failure: HttpFailure }) => void): void {
  sendFailure(res, failure);
  line({ failure });
}

function dropConnection(req: IncomingMessage, log: () => void): void {
  req.socket.destroy();
  log();
}
