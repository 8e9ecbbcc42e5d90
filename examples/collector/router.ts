import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleClearEvents, handleHealth, handleListEvents, handleStats, handleStream } from './api.ts';
import type { CollectorContext } from './context.ts';
import { answerPreflight, isOriginAllowed, setCorsHeaders } from './cors.ts';
import { createDashboardHandler } from './dashboard.ts';
import { CollectorErrorCode as Code, httpFailure, isHttpFailure } from './errors.ts';
import { requestUrl, sendFailure } from './http.ts';
import { handleIngest } from './ingest.ts';
import { isLoopbackHost } from './loopback.ts';

type Handler = (ctx: CollectorContext, req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Path → method → handler. */
function routeTable(): Record<string, Record<string, Handler>> {
  const dashboard = createDashboardHandler();
  return {
    '/': { GET: (_ctx, req, res) => dashboard(req, res) },
    '/v1/batch': { POST: (ctx, req, res) => handleIngest(ctx, req, res, 'segment') },
    '/v1/native': { POST: (ctx, req, res) => handleIngest(ctx, req, res, 'native') },
    '/collect': { POST: (ctx, req, res) => handleIngest(ctx, req, res, 'native') },
    '/api/events': { GET: handleListEvents, DELETE: handleClearEvents },
    '/api/stats': { GET: handleStats },
    '/api/stream': { GET: handleStream },
    '/healthz': { GET: handleHealth },
  };
}

/**
 * Builds the request listener. Everything is wrapped: whatever a request sends, the
 * answer is a JSON error, never a crash.
 */
export function createRouter(ctx: CollectorContext): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = routeTable();
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    // Before anything else: a page on a rebound host name must not read events or write them.
    const { host } = req.headers;
    if (!isLoopbackHost(host)) {
      const named = host === undefined ? 'a request without Host' : `Host ${JSON.stringify(host)}`;
      throw httpFailure(403, Code.hostNotAllowed, `${named} is not allowed: use 127.0.0.1, localhost or [::1]`);
    }
    const methods = routes[requestUrl(req).pathname];
    const origin = req.headers.origin;
    const allowed = isOriginAllowed(origin, ctx.options.allowedOrigins, ctx.port);
    if (allowed) setCorsHeaders(req, res);
    if (!methods) throw httpFailure(404, Code.notFound, `no route ${req.method} ${requestUrl(req).pathname}`);
    // A disallowed origin may still GET (the browser hides the answer) but never write.
    if (!allowed && req.method !== 'GET') throw httpFailure(403, Code.originNotAllowed, `origin ${origin} is not allowed`);
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    const handler = methods[req.method ?? ''];
    if (!handler) {
      const allow = [...Object.keys(methods), 'OPTIONS'].join(', ');
      throw httpFailure(405, Code.methodNotAllowed, `${req.method} is not allowed here; use ${allow}`, { headers: { Allow: allow } });
    }
    await handler(ctx, req, res);
  };
  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!isHttpFailure(error)) ctx.options.log(`[collector] internal error: ${String((error as Error)?.stack ?? error)}`);
      sendFailure(res, isHttpFailure(error) ? error : httpFailure(500, Code.internal, 'internal error'));
    });
  };
}
