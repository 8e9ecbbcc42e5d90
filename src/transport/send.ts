import { byteLength } from '../lib/byte-length';
import { KEEPALIVE_BYTES } from './constants';
import type { BatchRequest } from './format';

/** The collector's answer: `status` 0 when there was none (network error, timeout). */
export interface Answer {
  status: number;
  retryAfter?: string | null;
}

// Bytes of keepalive bodies in flight from this page. The browser's 64 KiB budget is
// shared by every keepalive request and beacon, so all collectors count against it.
let keepaliveBytes = 0;

/** Bytes of keepalive requests still in flight (what the exit path may not use). */
export const keepaliveInFlight = (): number => keepaliveBytes;

/**
 * POSTs a batch with fetch: keepalive while the body fits the page's remaining budget
 * (so a request started just before the page hides still completes), gzip where asked
 * and supported, aborted after `timeoutMs`. Never rejects.
 */
export async function send(req: BatchRequest, timeoutMs: number, gzip?: boolean): Promise<Answer> {
  const headers = { ...req.headers };
  let body: BodyInit = req.body;
  let size = byteLength(req.body);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let keepalive = false;
  try {
    if (gzip && typeof CompressionStream === 'function') {
      const zipped = await new Response(new Blob([req.body]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
      body = zipped;
      size = zipped.byteLength;
      headers['Content-Encoding'] = 'gzip';
    }
    keepalive = keepaliveBytes + size <= KEEPALIVE_BYTES;
    if (keepalive) keepaliveBytes += size;
    const res = await fetch(req.url, { method: 'POST', body, headers, keepalive, signal: abort.signal });
    // Chromium counts a keepalive request against the budget until its response body is read.
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get('Retry-After') };
  } catch {
    return { status: 0 };
  } finally {
    clearTimeout(timer);
    if (keepalive) keepaliveBytes -= size;
  }
}
