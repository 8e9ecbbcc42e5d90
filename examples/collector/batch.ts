import { CollectorErrorCode as Code, httpFailure } from './errors.ts';
import { nestsDeeperThan } from './nesting.ts';

/** The two wire formats: Segment's `/v1/batch` and sightline's native one. */
export type BatchFormat = 'segment' | 'native';

/** Every Segment call type; sightline itself sends the first four. */
export const EVENT_TYPES = ['track', 'page', 'identify', 'alias', 'screen', 'group'] as const;
export type CollectorEventType = (typeof EVENT_TYPES)[number];

/** One validated event: the fields the collector indexes plus the event as received. */
export interface IncomingEvent {
  messageId: string;
  type: CollectorEventType;
  raw: Record<string, unknown>;
}

/** A validated batch. */
export interface ParsedBatch {
  events: IncomingEvent[];
  sentAt: string | undefined;
  /** `writeKey` from the body, if any (sendBeacon cannot set an Authorization header). */
  writeKey: string | undefined;
}

/** Longest messageId kept: UUIDs are 36 characters, Segment's own ids under 100. */
const MAX_MESSAGE_ID_LENGTH = 256;
/**
 * Deepest nesting of objects and arrays kept, the event itself being level 1. Far above what
 * the SDK sends (its sanitizer keeps 10 levels of `properties` by default), far below what
 * would overflow the stack when the event is stored (`JSON.stringify` recurses) or what
 * SQLite's JSON functions read (1,000 levels).
 */
export const MAX_EVENT_DEPTH = 100;

/**
 * Parses and validates a batch. Any invalid event rejects the whole batch (400 with the
 * event's `index`), so a batch is stored entirely or not at all. Throws an `HttpFailure`.
 */
export function parseBatch(text: string, format: BatchFormat): ParsedBatch {
  const body = parseJsonBody(text);
  const envelope = batchEnvelope(body, format);
  const events = envelope.batch.map((event, index) => validateEvent(event, index));
  return { events, sentAt: stringOrUndefined(envelope.sentAt), writeKey: stringOrUndefined(envelope.writeKey) };
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unparseable';
    throw httpFailure(400, Code.invalidJson, `the body is not valid JSON (${reason})`);
  }
}

function batchEnvelope(body: unknown, format: BatchFormat): { batch: unknown[]; sentAt?: unknown; writeKey?: unknown } {
  // The native format also accepts a bare array of events.
  if (format === 'native' && Array.isArray(body)) return { batch: body };
  if (!isRecord(body)) {
    const expected = format === 'native' ? 'an object { batch: [...] } or an array of events' : 'an object { batch: [...] }';
    throw httpFailure(400, Code.invalidShape, `the body must be ${expected}`);
  }
  if (!Array.isArray(body.batch)) throw httpFailure(400, Code.invalidShape, 'the body must have a "batch" array');
  return body as { batch: unknown[] };
}

function validateEvent(event: unknown, index: number): IncomingEvent {
  const fail = (code: Code, message: string) => httpFailure(400, code, `event ${index}: ${message}`, { index });
  if (!isRecord(event)) throw fail(Code.invalidEvent, 'must be an object');
  const { messageId, type } = event;
  if (typeof messageId !== 'string' || messageId.trim() === '') {
    throw fail(Code.missingMessageId, 'needs a non-empty string "messageId"');
  }
  if (messageId.length > MAX_MESSAGE_ID_LENGTH) {
    throw fail(Code.missingMessageId, `"messageId" is longer than ${MAX_MESSAGE_ID_LENGTH} characters`);
  }
  if (type === undefined || type === null || type === '') throw fail(Code.missingType, 'needs a "type"');
  if (!isEventType(type)) throw fail(Code.invalidType, `"type" must be one of ${EVENT_TYPES.join(', ')}`);
  if (type === 'track' && (typeof event.event !== 'string' || event.event === '')) {
    throw fail(Code.missingEventName, 'a track event needs a non-empty string "event"');
  }
  if (nestsDeeperThan(event, MAX_EVENT_DEPTH)) {
    throw fail(Code.tooDeep, `nests objects and arrays more than ${MAX_EVENT_DEPTH} levels deep`);
  }
  return { messageId, type, raw: event };
}

function isEventType(value: unknown): value is CollectorEventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
