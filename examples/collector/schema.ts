/**
 * The events table. `message_id` is UNIQUE so a retried batch (at-least-once delivery)
 * stores each event once; `INSERT OR IGNORE` turns the repeat into a counted duplicate.
 * `received_at` is epoch milliseconds (cheap range filters); `json` is the event as sent.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id   TEXT    NOT NULL UNIQUE,
  received_at  INTEGER NOT NULL,
  type         TEXT    NOT NULL,
  event        TEXT,
  anonymous_id TEXT,
  user_id      TEXT,
  session_id   TEXT,
  timestamp    TEXT,
  sent_at      TEXT,
  format       TEXT    NOT NULL,
  json         TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS events_received_at ON events (received_at);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_event ON events (event);
CREATE INDEX IF NOT EXISTS events_anonymous_id ON events (anonymous_id);
CREATE INDEX IF NOT EXISTS events_session_id ON events (session_id);
CREATE TABLE IF NOT EXISTS counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

/** Columns read back for the API, aliased to the names the JSON answers use. */
export const EVENT_COLUMNS = `id, message_id AS messageId, received_at AS receivedAt, type, event,
  anonymous_id AS anonymousId, user_id AS userId, session_id AS sessionId, timestamp,
  sent_at AS sentAt, format, json`;
