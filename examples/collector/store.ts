import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { IncomingEvent } from './batch.ts';
import { createBatchInserter, type BatchMeta, type InsertResult } from './insert.ts';
import { queryEvents, type EventFilter } from './query.ts';
import { SCHEMA_SQL } from './schema.ts';
import { computeStats, type CollectorStats } from './stats.ts';
import type { StoredEvent } from './stored-event.ts';

export type { BatchMeta, InsertResult } from './insert.ts';

/** The collector's event store: one SQLite file, `events.db`, under the data folder. */
export interface CollectorStore {
  /** The underlying database, for ad-hoc SQL in tests and QA. */
  readonly sqlite: DatabaseSync;
  /** The database file (`':memory:'` when nothing is kept on disk). */
  readonly path: string;
  /** Stores a validated batch in one transaction, skipping known messageIds. */
  insertBatch(events: IncomingEvent[], meta: BatchMeta): InsertResult;
  /** Stored events matching a filter (newest first unless `order: 'asc'`). */
  events(filter?: EventFilter): StoredEvent[];
  stats(): CollectorStats;
  /** How many events are stored. */
  count(): number;
  /** Deletes every event and resets the duplicate counter. */
  clear(): void;
  close(): void;
}

/** Opens (creating if needed) `events.db` under `dataDir`; `':memory:'` for no file. */
export function openStore(dataDir: string): CollectorStore {
  const sqlite = openDatabase(dataDir);
  return {
    sqlite,
    path: dataDir === ':memory:' ? dataDir : join(dataDir, 'events.db'),
    insertBatch: createBatchInserter(sqlite),
    events: (filter = {}) => queryEvents(sqlite, filter),
    stats: () => computeStats(sqlite),
    count: () => Number(sqlite.prepare('SELECT count(*) AS n FROM events').get()?.n ?? 0),
    clear: () => sqlite.exec('DELETE FROM events; DELETE FROM counters;'),
    close: () => {
      if (sqlite.isOpen) sqlite.close();
    },
  };
}

function openDatabase(dataDir: string): DatabaseSync {
  if (dataDir === ':memory:') return withSchema(new DatabaseSync(':memory:'));
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new DatabaseSync(join(dataDir, 'events.db'));
  // WAL: readers (API, dashboard) never block the writer; NORMAL stays durable if the app crashes.
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000;');
  return withSchema(sqlite);
}

function withSchema(sqlite: DatabaseSync): DatabaseSync {
  sqlite.exec(SCHEMA_SQL);
  return sqlite;
}
