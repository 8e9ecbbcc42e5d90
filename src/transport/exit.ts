import { byteLength } from '../lib/byte-length';
import { KEEPALIVE_BYTES } from './constants';
import { keepaliveInFlight } from './send';
import type { QueueRecord } from '../storage/kv';
import { taker } from '../storage/kv';
import type { BatchRequest } from './format';

/** The first records from `from` that make one batch (at least one). */
export function takeBatch(records: QueueRecord[], from: number, max: number, bytes: number): QueueRecord[] {
  const take = taker({ max, bytes });
  let end = from;
  while (end < records.length && take(records[end]!.k)) end++;
  return records.slice(from, end);
}

/** Hands a request to the browser without waiting: sendBeacon, else fetch keepalive. False if refused. */
function hand(req: BatchRequest): boolean {
  try {
    if (req.beacon && typeof navigator !== 'undefined' && navigator.sendBeacon) {
      return navigator.sendBeacon(req.url, req.body);
    }
    fetch(req.url, { method: 'POST', body: req.body, headers: req.headers, keepalive: true }).catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends records as long as they fit `budget` bytes. Beacons cannot be gzipped or read
 * back: what the browser accepted counts as sent. Returns the records not sent, and the
 * bytes spent.
 */
export function sendAtExit(
  records: QueueRecord[],
  build: (json: string[]) => BatchRequest,
  limits: { max: number; bytes: number },
  budget: number,
): { left: QueueRecord[]; spent: number } {
  let done = 0;
  let spent = 0;
  try {
    while (done < records.length) {
      const batch = takeBatch(records, done, limits.max, limits.bytes);
      const req = build(batch.flatMap((r) => r.j));
      const size = byteLength(req.body);
      if (spent + size > budget || !hand(req)) break;
      spent += size;
      done += batch.length;
    }
  } catch {
    // A throwing custom format: keep the rest for the next page.
  }
  return { left: records.slice(done), spent };
}

/** What {@link createExitHandler} works with. */
export interface ExitOptions {
  /** Events not durable yet (see Writer.takeFresh). */
  takeFresh(): QueueRecord[];
  /** How many events wait to be written (see Writer.size). */
  pending(): number;
  /** Saves records synchronously; false if that failed. */
  spill(records: QueueRecord[]): boolean;
  build(json: string[]): BatchRequest;
  limits: { max: number; bytes: number };
  /** Events the browser accepted, and events neither sent nor saved. */
  sent(events: number): void;
  lost(events: number): void;
}

/** The page-exit path of a collector. */
export interface ExitHandler {
  /** The page may be going away (onPageExit). */
  exit(): void;
  /** An event reached the collector: during an exit it must leave or be saved before the task ends. */
  added(): void;
}

/**
 * Microtasks in a row without a new event before the late events leave: the core's
 * pipeline spaces events a few microtasks apart (more with async plugin stages), and a
 * microtask costs next to nothing, while no task may come before the page is gone.
 */
const QUIET_TURNS = 32;

const count = (records: QueueRecord[]): number => records.reduce((n, r) => n + r.j.length, 0);

/**
 * At page exit, what is not durable yet is beaconed within the page's 64 KiB keepalive
 * budget (less the keepalive requests in flight) and the rest saved synchronously, for
 * the next page. Events that arrive later in the same task (tracked by pagehide
 * listeners that run after ours: engagement time, page leave) go the same way, together,
 * from a microtask once they stop coming, against what is left of the budget.
 */
export function createExitHandler(o: ExitOptions): ExitHandler {
  let exiting = false;
  let spent = 0;
  let queued = false;
  const flush = (): void => {
    queued = false;
    const fresh = o.takeFresh();
    if (!fresh.length) return;
    const out = sendAtExit(fresh, o.build, o.limits, KEEPALIVE_BYTES - keepaliveInFlight() - spent);
    spent += out.spent;
    o.sent(count(fresh) - count(out.left));
    if (out.left.length && !o.spill(out.left)) o.lost(count(out.left));
  };
  return {
    exit() {
      if (!exiting) {
        exiting = true;
        spent = 0;
        // If the page lives on (a tab switch), the next task ends this exit.
        setTimeout(() => (exiting = false), 0);
      }
      flush();
    },
    added() {
      if (!exiting || queued) return;
      queued = true;
      // The core hands events over a microtask or two apart: gather them, then send once.
      let seen = 0;
      let quiet = 0;
      const gather = (): void => {
        const now = o.pending();
        quiet = now === seen ? quiet + 1 : 0;
        seen = now;
        if (quiet < QUIET_TURNS) queueMicrotask(gather);
        else flush();
      };
      queueMicrotask(gather);
    },
  };
}
