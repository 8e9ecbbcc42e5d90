import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpFailure } from './errors.ts';

/** Writes a JSON answer unless one was already started (a dropped or timed-out request). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Writes `{ error: { code, message, index? } }` with the failure's status and headers. */
export function sendFailure(res: ServerResponse, failure: HttpFailure): void {
  const { code, message, index } = failure;
  const error = index === undefined ? { code, message } : { code, message, index };
  sendJson(res, failure.status, { error }, failure.headers);
}

/** The request path without its query string, and its query parameters. */
export function requestUrl(req: IncomingMessage): URL {
  // Concatenated, not resolved: `//host/path` must stay a path, not become a host.
  const path = req.url?.startsWith('/') ? req.url : '/';
  try {
    return new URL(`http://collector.invalid${path}`);
  } catch {
    return new URL('http://collector.invalid/');
  }
}
