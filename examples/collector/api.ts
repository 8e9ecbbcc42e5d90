import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorContext } from './context.ts';
import { requestUrl, sendJson } from './http.ts';
import { parseEventFilter } from './query.ts';

/** `GET /api/events`: stored events, filtered; see `EventFilter` for the parameters. */
export function handleListEvents(ctx: CollectorContext, req: IncomingMessage, res: ServerResponse): void {
  const filter = parseEventFilter(requestUrl(req).searchParams);
  const events = ctx.store.events(filter);
  sendJson(res, 200, { events, count: events.length });
}

/** `DELETE /api/events`: removes every event (for QA and tests). */
export function handleClearEvents(ctx: CollectorContext, _req: IncomingMessage, res: ServerResponse): void {
  const deleted = ctx.store.count();
  ctx.store.clear();
  sendJson(res, 200, { ok: true, deleted });
}

/** `GET /api/stats`: counts, funnel, average order value, web-vitals percentiles. */
export function handleStats(ctx: CollectorContext, _req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, ctx.store.stats());
}

/** `GET /api/stream`: every event stored from now on, as server-sent events. */
export function handleStream(ctx: CollectorContext, _req: IncomingMessage, res: ServerResponse): void {
  ctx.stream.subscribe(res);
}

/** `GET /healthz`: liveness plus a cheap read of the database. */
export function handleHealth(ctx: CollectorContext, _req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { ok: true, events: ctx.store.count(), streamClients: ctx.stream.size() });
}
