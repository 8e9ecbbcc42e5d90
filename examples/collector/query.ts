import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { CollectorErrorCode as Code, httpFailure } from './errors.ts';
import { EVENT_COLUMNS } from './schema.ts';
import { rowToEvent, type StoredEvent } from './stored-event.ts';

/** Filters of `GET /api/events` (all optional; they combine with AND). */
export interface EventFilter {
  type?: string;
  /** The track event name. */
  event?: string;
  anonymousId?: string;
  userId?: string;
  sessionId?: string;
  messageId?: string;
  /** Received at or after this time (epoch ms). */
  since?: number;
  /** Received at or before this time (epoch ms). */
  until?: number;
  /** At most this many events (default 100, at most 1000). */
  limit?: number;
  /** `desc` (newest first, the default) or `asc`. */
  order?: 'asc' | 'desc';
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const COLUMN_OF = {
  type: 'type',
  event: 'event',
  anonymousId: 'anonymous_id',
  userId: 'user_id',
  sessionId: 'session_id',
  messageId: 'message_id',
} as const;

/** Reads stored events; every value is bound as a parameter, never spliced into SQL. */
export function queryEvents(sqlite: DatabaseSync, filter: EventFilter): StoredEvent[] {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  for (const key of Object.keys(COLUMN_OF) as (keyof typeof COLUMN_OF)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    where.push(`${COLUMN_OF[key]} = ?`);
    params.push(value);
  }
  if (filter.since !== undefined) {
    where.push('received_at >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    where.push('received_at <= ?');
    params.push(filter.until);
  }
  const order = filter.order === 'asc' ? 'ASC' : 'DESC';
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const sql = `SELECT ${EVENT_COLUMNS} FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY received_at ${order}, id ${order} LIMIT ${limit}`;
  return sqlite.prepare(sql).all(...params).map(rowToEvent);
}

/** Parses the query string of `GET /api/events`; throws an `HttpFailure` on a bad value. */
export function parseEventFilter(params: URLSearchParams): EventFilter {
  const filter: EventFilter = {};
  for (const key of Object.keys(COLUMN_OF) as (keyof typeof COLUMN_OF)[]) {
    const value = params.get(key);
    if (value !== null && value !== '') filter[key] = value;
  }
  const since = params.get('since');
  const until = params.get('until');
  if (since) filter.since = parseTime('since', since);
  if (until) filter.until = parseTime('until', until);
  const limit = params.get('limit');
  if (limit) filter.limit = parseLimit(limit);
  const order = params.get('order');
  if (order) filter.order = parseOrder(order);
  return filter;
}

/** Epoch milliseconds or an ISO 8601 date. */
function parseTime(name: string, value: string): number {
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw invalid(`"${name}" must be epoch milliseconds or an ISO 8601 date`);
  return time;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw invalid(`"limit" must be an integer from 1 to ${MAX_LIMIT}`);
  return Math.min(limit, MAX_LIMIT);
}

function parseOrder(value: string): 'asc' | 'desc' {
  if (value === 'asc' || value === 'desc') return value;
  throw invalid('"order" must be asc or desc');
}

function invalid(message: string) {
  return httpFailure(400, Code.invalidQuery, message);
}
