import type { IncomingMessage } from 'node:http';
import { CollectorErrorCode as Code, httpFailure, type HttpFailure } from './errors.ts';

/**
 * The write key a request carries, from (in order) HTTP Basic auth's username (Segment's
 * convention), an `X-Write-Key` header, a `writeKey` query parameter (sendBeacon cannot
 * set headers) or the body's `writeKey`.
 */
export function requestWriteKey(req: IncomingMessage, query: URLSearchParams, bodyKey: string | undefined): string | undefined {
  return basicAuthUser(req.headers.authorization) ?? headerKey(req) ?? (query.get('writeKey') || undefined) ?? bodyKey;
}

/** A 401 failure when a key is required and the request's key differs, else undefined. */
export function checkWriteKey(expected: string | undefined, actual: string | undefined): HttpFailure | undefined {
  if (expected === undefined || actual === expected) return undefined;
  const message = actual === undefined ? 'a write key is required' : 'the write key is not valid';
  return httpFailure(401, Code.unauthorized, message, { headers: { 'WWW-Authenticate': 'Basic realm="sightline collector"' } });
}

function basicAuthUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user ? user : undefined;
}

function headerKey(req: IncomingMessage): string | undefined {
  const value = req.headers['x-write-key'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
