import type { CollectorFormat, FormatMeta } from './options';

/** A request ready to send. `beacon` is false when it carries headers a beacon cannot. */
export interface BatchRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  beacon: boolean;
}

/**
 * Encodes a batch. The built-in formats join the events' stored JSON as it is, with no
 * parse and no second serialization; the write key goes in the body too, so a beacon
 * (which has no headers) still authenticates, as Segment's own analytics.js does.
 */
export function formatBatch(
  format: CollectorFormat,
  json: string[],
  meta: FormatMeta,
  headers: Record<string, string> = {},
): BatchRequest {
  const beacon = !Object.keys(headers).length;
  if (typeof format === 'function') {
    const out = format(
      json.map((j) => JSON.parse(j)),
      meta,
    );
    const all = { ...headers, ...out.headers };
    return { url: out.url ?? meta.endpoint, body: out.body, headers: all, beacon: !Object.keys(all).length };
  }
  const key = meta.writeKey ? `,"writeKey":${JSON.stringify(meta.writeKey)}` : '';
  const body = `{"batch":[${json.join(",")}],"sentAt":"${meta.sentAt}"${key}}`;
  if (format === 'segment') {
    return {
      url: `${meta.endpoint.replace(/\/+$/, '')}/v1/batch`,
      body,
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${meta.writeKey ?? ''}:`)}`, ...headers },
      beacon,
    };
  }
  // No Content-Type: fetch and sendBeacon both send a string as text/plain;charset=UTF-8.
  return { url: meta.endpoint, body, headers, beacon };
}
