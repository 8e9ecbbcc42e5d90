import { byteLength } from '../lib/byte-length';
import type { CollectorFormat } from './options';

/**
 * A request ready to send: url, body, headers, whether a beacon may carry it (no headers
 * it needs), and the body's size in bytes.
 */
export type BatchRequest = [url: string, body: string, headers: Record<string, string>, beacon: boolean, bytes: number];

/**
 * Encodes a batch. The built-in formats join the events' stored JSON as it is, with no
 * parse and no second serialization; the write key goes in the body too, so a beacon
 * (which has no headers) still authenticates, as Segment's own analytics.js does.
 */
export const formatBatch = (
  format: CollectorFormat,
  json: string[],
  endpoint: string,
  writeKey?: string,
  headers: Record<string, string> = {},
): BatchRequest => {
  const sentAt = new Date().toISOString();
  let url = endpoint;
  // The events' JSON goes in where the 0 is (the first one: `batch` comes first); `${json}`
  // joins them with commas. A function, so no `$&` in an event is read as a pattern.
  let body = JSON.stringify({ batch: 0, sentAt, writeKey }).replace('0', () => `[${json}]`);
  // Headers a beacon can do without: the write key is in the body.
  let own = {};
  if (typeof format == 'function') {
    const out = format(
      json.map((j) => JSON.parse(j)),
      { sentAt, writeKey, endpoint },
    );
    url = out.url || endpoint;
    body = out.body;
    headers = { ...headers, ...out.headers };
    // What fetch would refuse to build (a header value beyond Latin-1, a URL with credentials)
    // throws here, and the batch is dropped as format-failed: sent, it failed as "no answer"
    // and was retried for ever, every later batch waiting behind it.
    new Request(url, { method: 'POST', headers });
  } else if (format == 'segment') {
    url = `${endpoint.replace(/\/+$/, '')}/v1/batch`;
    // UTF-8 (RFC 7617): btoa alone throws beyond Latin-1, and every batch was dropped.
    own = { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${writeKey || ''}:`)))}` };
  }
  // native: no Content-Type, so fetch and sendBeacon both send text/plain;charset=UTF-8 (no CORS preflight).
  return [url, body, { ...own, ...headers }, !Object.keys(headers).length, byteLength(body)];
};
