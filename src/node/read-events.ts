import type { Corpus } from './corpus';
import { eventsOfLine, itemsOfEvent } from './event-items';
import { readLines } from './lines';
import { sessionizer } from './sessionize';

/** Events between sweeps of idle sessions: bounds the open-session map on long logs. */
const SWEEP_EVERY = 10_000;

/** What reading an event log found, for the report. */
export interface EventLogCounts {
  lines: number;
  /** Lines, blank ones aside, that are not a JSON object: cut off, or of another format. */
  unreadable: number;
  /** Product events (those with items) taken into sessions. */
  events: number;
}

/**
 * Reads an NDJSON event log (plain or gzip) as exported from the collector, turning
 * product events into sessions. Returns counts for the report.
 */
export async function readEventLog(path: string, corpus: Corpus, gapMs?: number): Promise<EventLogCounts> {
  const sessions = sessionizer((items) => corpus.add(items), gapMs);
  let lines = 0;
  let unreadable = 0;
  let events = 0;
  for await (const line of readLines(path)) {
    lines++;
    const found = eventsOfLine(line);
    if (!found) {
      if (line.trim()) unreadable++;
      continue;
    }
    for (const e of found) {
      const got = itemsOfEvent(e);
      if (!got) continue;
      sessions.push(got);
      if (++events % SWEEP_EVERY === 0) sessions.sweep();
    }
  }
  sessions.end();
  return { lines, unreadable, events };
}
