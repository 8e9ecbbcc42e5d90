import type { SightlineError } from '../../types';
import { RECOMMEND_ERRORS } from '../errors';
import { deadline } from '../../lib/deadline';

/** What a (conditional) model request came back with. */
export type FetchResult =
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string }
  | { status: 'not-modified' }
  | { status: 'error'; error: SightlineError };

/** Options of {@link fetchBytes}. */
export interface FetchOptions {
  fetch?: typeof fetch;
  /** Validators of a cached copy: sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  credentials?: RequestCredentials;
  /** Give up after this long (ms). */
  timeoutMs: number;
}

/**
 * GETs a model file as bytes. Never rejects: a missing `fetch`, a network failure, a
 * timeout or a non-2xx status becomes a `recommend/model-unavailable` error value.
 */
export const fetchBytes = async (url: string, o: FetchOptions): Promise<FetchResult> => {
  const doFetch = o.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
  const fail = (message: string, detail: Record<string, unknown> = {}): FetchResult => ({
    status: 'error',
    error: { code: RECOMMEND_ERRORS.modelUnavailable, message, source: 'network', detail: { url, ...detail } },
  });
  if (!doFetch) return fail('No fetch in this environment');
  const headers: Record<string, string> = {};
  if (o.etag) headers['If-None-Match'] = o.etag;
  else if (o.lastModified) headers['If-Modified-Since'] = o.lastModified;
  const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
  const request = async (): Promise<FetchResult> => {
    // `no-store`: the IndexedDB cache is the one copy; the HTTP cache would hold a second
    // 2 MB one and could answer a revalidation from itself instead of the server.
    const init: RequestInit = { headers, cache: 'no-store', credentials: o.credentials ?? 'same-origin' };
    const res = await doFetch(url, abort ? { ...init, signal: abort.signal } : init);
    if (res.status === 304) return { status: 'not-modified' };
    if (!res.ok) return fail(`Model request failed with HTTP ${res.status}`, { status: res.status });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const etag = res.headers.get('ETag') ?? undefined;
    const lastModified = res.headers.get('Last-Modified') ?? undefined;
    return { status: 'ok', bytes, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  };
  try {
    // The timer settles the request (answer and body) itself: a `fetch` of your own may ignore
    // the signal (a wrapper that builds its own init, an older polyfill). It fails as a fetch
    // aborted by it does.
    return await deadline(request(), o.timeoutMs, () => (abort?.abort(), abort?.signal.reason ?? 'timeout'));
  } catch (error) {
    return fail(`Model request failed: ${String(error)}`);
  }
};
