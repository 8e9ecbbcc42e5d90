import type { BatchFormat } from './batch.ts';

/** One stored event as the API, the stream and the dashboard see it. */
export interface StoredEvent {
  /** Row id: increases with every stored event. */
  id: number;
  messageId: string;
  /** ISO time the collector received the batch. */
  receivedAt: string;
  type: string;
  /** The `event` name of a track call, else null. */
  event: string | null;
  anonymousId: string | null;
  userId: string | null;
  /** `context.session.id`, else null. */
  sessionId: string | null;
  /** The event's own `timestamp` as sent. */
  timestamp: string | null;
  /** The event's `sentAt`, else the batch's. */
  sentAt: string | null;
  format: BatchFormat;
  /** The full event as received. */
  payload: Record<string, unknown>;
}

/** Turns a row selected with `EVENT_COLUMNS` into a `StoredEvent`. */
export function rowToEvent(row: Record<string, unknown>): StoredEvent {
  return {
    id: Number(row.id),
    messageId: String(row.messageId),
    receivedAt: new Date(Number(row.receivedAt)).toISOString(),
    type: String(row.type),
    event: textOrNull(row.event),
    anonymousId: textOrNull(row.anonymousId),
    userId: textOrNull(row.userId),
    sessionId: textOrNull(row.sessionId),
    timestamp: textOrNull(row.timestamp),
    sentAt: textOrNull(row.sentAt),
    format: row.format === 'segment' ? 'segment' : 'native',
    payload: JSON.parse(String(row.json)) as Record<string, unknown>,
  };
}

/** A string value, or null for anything else (a number sent as userId is stored as text). */
export function textOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
