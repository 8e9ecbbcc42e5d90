import { byteLength } from '../lib/byte-length';
import { TransportErrors } from './errors';
import { outcomeOf } from './retry';
import type { Answer } from './send';
import type { BatchRequest } from './format';
import type { QueueRecord, QueueStore } from '../storage/kv';
import type { QueueStats } from '../types';

/** What {@link deliver} needs from the collector. */
export interface DeliverContext {
  store: QueueStore;
  stats: QueueStats;
  maxBytes: number;
  build(json: string[]): BatchRequest;
  send(req: BatchRequest): Promise<Answer>;
  /** Counts a drop under `code` and reports it. */
  drop(code: string, events: number, detail?: Record<string, unknown>): void;
}

/**
 * Sends the events of the claimed records and settles them: removed from the store once
 * every event was sent (2xx) or dropped; given back for a retry otherwise (events of the
 * same records that already went out then go again: their messageId removes them).
 * Resolves with the answer to retry after, or undefined when done.
 */
export async function deliver(ctx: DeliverContext, records: QueueRecord[]): Promise<Answer | undefined> {
  const keys = records.map((r) => r.k);
  const json = records.flatMap((r) => r.j);
  const retry = await sendEvents(ctx, json);
  if (retry) {
    ctx.stats.retried += json.length;
    // Unclaimed at once: the next page, or another tab, need not wait for the claim to expire.
    await ctx.store.release(keys);
    return retry;
  }
  await ctx.store.del(keys);
  ctx.stats.queued = Math.max(0, ctx.stats.queued - json.length);
  return undefined;
}

/** One request, split in halves on 413 or when it outgrew `maxBytes`. */
async function sendEvents(ctx: DeliverContext, json: string[]): Promise<Answer | undefined> {
  const n = json.length;
  let req: BatchRequest;
  try {
    req = ctx.build(json);
  } catch (error) {
    ctx.drop(TransportErrors.formatFailed, n, { error: String(error) });
    return undefined;
  }
  if (byteLength(req.body) > ctx.maxBytes) {
    if (n > 1) return halves(ctx, json);
    ctx.drop(TransportErrors.tooLarge, n);
    return undefined;
  }
  ctx.stats.inFlight += n;
  const answer = await ctx.send(req);
  ctx.stats.inFlight -= n;
  const outcome = outcomeOf(answer.status);
  if (outcome === 'sent') ctx.stats.sent += n;
  else if (outcome === 'retry') return answer;
  else if (outcome === 'split' && n > 1) return halves(ctx, json);
  else ctx.drop(TransportErrors.rejected, n, { status: answer.status });
  return undefined;
}

async function halves(ctx: DeliverContext, json: string[]): Promise<Answer | undefined> {
  const mid = Math.ceil(json.length / 2);
  return (await sendEvents(ctx, json.slice(0, mid))) ?? sendEvents(ctx, json.slice(mid));
}
