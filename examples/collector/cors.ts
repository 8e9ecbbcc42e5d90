import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackHostname } from './loopback.ts';

/** Which origins may call the collector from a browser. */
export type OriginPolicy = string[] | '*';

/** 10 minutes: Chromium's cap is 2 h, but a short one lets an allowlist change take effect. */
const PREFLIGHT_MAX_AGE_S = 600;
/** Headers the SDK may send; a preflight asking for others is answered with these anyway. */
const ALLOWED_HEADERS = 'Content-Type, Content-Encoding, Authorization, X-Write-Key';

/**
 * True when a request from `origin` is allowed. No Origin header (curl, server-to-server,
 * same-origin GET) is always allowed: CORS only governs browsers. An empty list means the
 * default: any localhost/127.0.0.1 origin. The collector's own pages (the dashboard) are
 * always allowed, whichever loopback name they were opened by.
 */
export function isOriginAllowed(origin: string | undefined, policy: OriginPolicy, ownPort: number): boolean {
  if (origin === undefined) return true;
  if (policy === '*' || isOwnOrigin(origin, ownPort)) return true;
  if (policy.length > 0) return policy.some((allowed) => allowed.replace(/\/+$/, '') === origin);
  return isLoopbackOrigin(origin);
}

function isLoopbackOrigin(origin: string): boolean {
  const url = loopbackUrl(origin);
  return url?.protocol === 'http:' || url?.protocol === 'https:';
}

/** `http://` + a loopback name + the collector's port: only the collector serves there. */
function isOwnOrigin(origin: string, ownPort: number): boolean {
  const url = loopbackUrl(origin);
  return url?.protocol === 'http:' && (url.port || '80') === String(ownPort);
}

/** The origin as a URL when it names a loopback host, else undefined. */
function loopbackUrl(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    return isLoopbackHostname(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sets the CORS headers for an allowed origin. The origin is reflected rather than `*`
 * so a client that sends credentials anyway is not refused; `Retry-After` is exposed so
 * the SDK can honour it cross-origin.
 */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

/** Answers a preflight `OPTIONS` for an allowed origin with 204. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  setCorsHeaders(req, res);
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
    'Content-Length': '0',
  });
  res.end();
}
