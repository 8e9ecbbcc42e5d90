import type { DatabaseSync } from 'node:sqlite';
import { isRecord, type BatchFormat, type IncomingEvent } from './batch.ts';
import { textOrNull, type StoredEvent } from './stored-event.ts';

/** Facts about a batch that every one of its rows records. */
export interface BatchMeta {
  format: BatchFormat;
  /** The batch's `sentAt`, used for events without their own. */
  sentAt?: string;
  /** Epoch ms the batch arrived. */
  receivedAt: number;
}

/** What inserting a batch did. */
export interface InsertResult {
  /** The events that were new, in batch order. */
  stored: StoredEvent[];
  /** How many were already stored (same messageId), repeats within the batch included. */
  duplicates: number;
}

/**
 * Returns a function that stores a batch in one transaction: all its events or, on
 * any failure, none. A known messageId is skipped by `INSERT OR IGNORE` and counted.
 */
export function createBatchInserter(sqlite: DatabaseSync): (events: IncomingEvent[], meta: BatchMeta) => InsertResult {
  const insert = sqlite.prepare(`INSERT OR IGNORE INTO events
    (message_id, received_at, type, event, anonymous_id, user_id, session_id, timestamp, sent_at, format, json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const bumpDuplicates = sqlite.prepare(`INSERT INTO counters (name, value) VALUES ('duplicates', ?)
    ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`);
  return (events, meta) => {
    const stored: StoredEvent[] = [];
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      for (const incoming of events) {
        const { event, values } = toRow(incoming, meta);
        const result = insert.run(...values);
        if (result.changes > 0) stored.push({ ...event, id: Number(result.lastInsertRowid) });
      }
      const duplicates = events.length - stored.length;
      if (duplicates > 0) bumpDuplicates.run(duplicates);
      sqlite.exec('COMMIT');
      return { stored, duplicates };
    } catch (error) {
      // SQLite may already have rolled back (disk full); a second ROLLBACK would mask the cause.
      if (sqlite.isTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  };
}

function toRow(incoming: IncomingEvent, meta: BatchMeta) {
  const { raw } = incoming;
  const context = isRecord(raw.context) ? raw.context : {};
  const session = isRecord(context.session) ? context.session : {};
  const event: StoredEvent = {
    id: 0,
    messageId: incoming.messageId,
    receivedAt: new Date(meta.receivedAt).toISOString(),
    type: incoming.type,
    event: incoming.type === 'track' ? textOrNull(raw.event) : null,
    anonymousId: textOrNull(raw.anonymousId),
    userId: textOrNull(raw.userId),
    sessionId: textOrNull(session.id),
    timestamp: textOrNull(raw.timestamp),
    sentAt: textOrNull(raw.sentAt) ?? meta.sentAt ?? null,
    format: meta.format,
    payload: raw,
  };
  const values = [
    event.messageId, meta.receivedAt, event.type, event.event, event.anonymousId, event.userId,
    event.sessionId, event.timestamp, event.sentAt, event.format, JSON.stringify(raw),
  ] as const;
  return { event, values };
}
