import { KEEPALIVE_BYTES } from './constants';
import type { BatchRequest } from './format';

/** The collector's answer: `status` 0 when there was none (network error, timeout), and its Retry-After. */
export type Answer = [status: number, retryAfter?: string | null];

// Bytes of keepalive bodies in flight from this page. The browser's 64 KiB budget is
// shared by every keepalive request and beacon, so all collectors count against it.
let keepaliveBytes = 0;

/**
 * POSTs a batch with fetch: keepalive while the body fits the page's remaining budget
 * (so a request started just before the page hides still completes), gzipped by
 * `compress` where given, aborted after `timeoutMs`. Never rejects.
 */
export const send = async (
  [url, body, headers, , bytes]: BatchRequest,
  timeoutMs: number,
  compress?: (body: string) => Promise<Blob | undefined> | undefined,
): Promise<Answer> => {
  let data: BodyInit = body;
  let size = bytes;
  let keepalive = false;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const zipped = compress && (await compress(body));
    if (zipped) {
      data = zipped;
      size = zipped.size;
      headers = { ...headers, 'Content-Encoding': 'gzip' };
    }
    if ((keepalive = keepaliveBytes + size <= KEEPALIVE_BYTES)) keepaliveBytes += size;
    const res = await fetch(url, { method: 'POST', body: data, headers, keepalive, signal: abort.signal });
    // Chromium counts a keepalive request against the budget until its response body is read.
    await res.arrayBuffer();
    return [res.status, res.headers.get('Retry-After')];
  } catch {
    return [0];
  } finally {
    clearTimeout(timer);
    if (keepalive) keepaliveBytes -= size;
  }
};

/**
 * Hands a request to the browser at page exit without waiting: sendBeacon where it may
 * (no headers), else a keepalive fetch whose answer nobody waits for. False if it does not
 * fit the page's keepalive budget (less the keepalive requests in flight and the `spent`
 * bytes of this exit's beacons), the browser refused it, or the browser knows it is
 * offline: the request would fail unread (a shopper on a train closing the tab), so the
 * exit saves its events for the next page instead, or leaves them stored.
 */
export const hand = (req: BatchRequest, timeoutMs: number, spent: number): boolean => {
  try {
    return (
      keepaliveBytes + spent + req[4] <= KEEPALIVE_BYTES &&
      navigator.onLine &&
      (req[3] && navigator.sendBeacon ? navigator.sendBeacon(req[0], req[1]) : (void send(req, timeoutMs), true))
    );
  } catch {
    return false;
  }
};
