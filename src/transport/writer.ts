import { byteLength } from '../lib/byte-length';
import { stringifyJson } from '../lib/safe-json';
import { uuid } from '../lib/uuid';
import { recordKey } from '../storage/kv';
import type { QueueRecord, QueueWrite } from '../storage/kv';
import type { QueueChain } from '../storage/queue-store';
import type { SightlineEvent } from '../types';
import { nextTask } from './next-task';

/** The front of the queue: events wait in memory and are written in one batch per task. */
export interface Writer {
  /** Queues an event: a push, nothing more, on the caller's time. */
  add(event: SightlineEvent): void;
  /** Resolves once everything added so far is stored. */
  settled(): Promise<void>;
  /** Takes back what is not durable yet (page exit): unwritten events and cancellable writes. */
  takeFresh(): QueueRecord[];
  /** Events not yet stored. */
  size(): number;
  /** Stores what waits and lets the task channel go (client.destroy()). */
  stop(): Promise<void>;
}

/** How the writer cuts chunks: never more than one batch can carry. */
export interface ChunkLimits {
  maxEvents: number;
  /** Bytes of events (JSON plus a separator each) one batch can carry. */
  maxBytes: number;
}

/** 36^4 keys per millisecond before the counter wraps (see recordKey). */
const SEQ_WRAP = 36 ** 4;

/**
 * Serializes each event once, measures it once, cuts the events of a task into chunks a
 * batch can carry, and stores them in one write, in the next task: track() stays a push
 * on the main thread, and a burst of events costs a few IndexedDB requests.
 * `onStored` learns of each finished write.
 */
export function createWriter(store: QueueChain, limits: ChunkLimits, onStored: (records: QueueRecord[]) => void): Writer {
  let pending: SightlineEvent[] = [];
  const writes = new Set<{ records: QueueRecord[]; write: QueueWrite; events: number }>();
  let writing = 0; // events in `writes`
  let seq = 0;

  const toRecords = (events: SightlineEvent[]): QueueRecord[] => {
    const now = Date.now();
    const out: QueueRecord[] = [];
    let chunk: string[] = [];
    let bytes = 0;
    let id = '';
    const close = (): void => {
      if (chunk.length) out.push({ k: recordKey(now, (seq = (seq + 1) % SEQ_WRAP), bytes, chunk.length, id), j: chunk });
      chunk = [];
      bytes = 0;
    };
    for (const event of events) {
      // The core already made every event JSON-safe; a hostile toJSON is the only way here.
      const j = stringifyJson(event);
      if (!j) continue;
      const b = byteLength(j) + 1;
      if (chunk.length >= limits.maxEvents || bytes + b > limits.maxBytes) close();
      if (!chunk.length) id = event.messageId || uuid();
      chunk.push(j);
      bytes += b;
    }
    close();
    return out;
  };

  const drain = (): void => {
    if (!pending.length) return;
    const records = toRecords(pending);
    pending = [];
    const entry = { records, write: store.put(records), events: records.reduce((n, r) => n + r.j.length, 0) };
    writes.add(entry);
    writing += entry.events;
    // A write taken back at page exit is no longer ours to report.
    const forget = (): boolean => {
      if (!writes.delete(entry)) return false;
      writing -= entry.events;
      return true;
    };
    void entry.write.done.then(() => forget() && onStored(records), forget);
  };

  const settled = (): Promise<void> => {
    drain();
    return Promise.all([...writes].map((w) => w.write.done)).then(() => {});
  };

  // Write in the next task: the core hands events over a microtask or more apart (each
  // waits for the previous one's promise), so a task's events make one write only once
  // the task is over.
  const later = nextTask(drain);

  return {
    add(event) {
      pending.push(event);
      later.schedule();
    },
    settled,
    takeFresh() {
      const fresh: QueueRecord[] = [];
      for (const entry of writes) {
        if (entry.write.cancel() && writes.delete(entry)) {
          fresh.push(...entry.records);
          writing -= entry.events;
        }
      }
      fresh.push(...toRecords(pending));
      pending = [];
      return fresh;
    },
    stop() {
      later.stop();
      return settled();
    },
    size: () => pending.length + writing,
  };
}
