import { addListener } from '../lib/add-listener';
import { byteLength } from '../lib/byte-length';
import { onPageExit } from '../lib/on-page-exit';
import { uuid } from '../lib/uuid';
import { recordBytes, recordKey } from '../storage/kv';
import type { QueueRecord } from '../storage/kv';
import { claim, free, put, trim } from '../storage/queue-ops';
import type { QueueWrite } from '../storage/queue-ops';
import { createQueueStore } from '../storage/queue-store';
import type { ConsentState, ErrorSource, FlushReason, Plugin, SightlineClient, SightlineEvent } from '../types';
import * as D from './constants';
import type { TransportErrorCode } from './errors';
import { formatBatch } from './format';
import { createLock } from './lock';
import type { CollectorOptions, CollectorStats } from './options';
import { outcomeOf, retryDelay } from './retry';
import { hand, keepaliveInFlight, send } from './send';
import type { Answer } from './send';

/** The collector plugin: a destination with `flush` and `stats`. */
export type Collector = Omit<Plugin, 'stats'> & { stats(): CollectorStats };

/** What the Navigation API's `navigate` event carries that the transport reads. */
type NavigateEvent = Event & { destination: { url: string; sameDocument: boolean } };

const count = (records: QueueRecord[]): number => records.reduce((n, r) => n + r.j.length, 0);

/** 36^4 keys per millisecond before the counter wraps (see recordKey). */
const SEQ_WRAP = 36 ** 4;

/**
 * Delivers every event to `options.endpoint` at least once: batched by count, bytes
 * and time; persisted (IndexedDB, else localStorage, else memory) before it is sent and
 * removed only after a 2xx; retried with backoff; sent by one tab at a time; and,
 * at page exit, beaconed or saved synchronously for the next page.
 *
 * One closure, its state in local variables: what the bundle carries is mostly logic,
 * not property names (the size budget: docs/delivery.md).
 */
export function collector(options: CollectorOptions): Collector {
  const {
    endpoint,
    format = 'native',
    writeKey,
    headers,
    compress,
    timeoutMs = D.TIMEOUT_MS,
    batch: { maxEvents = D.BATCH_EVENTS, maxBytes: bodyBytes = D.KEEPALIVE_BYTES, intervalMs = D.BATCH_INTERVAL_MS } = {},
    retry: { baseMs = D.RETRY_BASE_MS, capMs = D.RETRY_CAP_MS } = {},
    queue: { maxEvents: queueEvents = D.QUEUE_EVENTS, maxBytes: queueBytes = D.QUEUE_BYTES, name = `sightline:${endpoint}` } = {},
  } = options;
  // A request body's ceiling: never past the keepalive budget, so any batch can leave at page exit.
  const maxBytes = Math.min(bodyBytes, D.KEEPALIVE_BYTES);
  // What the events of one batch may weigh: the rest is the envelope's.
  const batchBytes = maxBytes - D.ENVELOPE_BYTES;

  let queued = 0;
  let inFlight = 0;
  let sent = 0;
  let retried = 0;
  const dropped: Record<string, number> = {};
  let lastFlush: FlushReason | undefined;
  let client: SightlineClient | undefined;
  let stops: (() => void)[] = [];
  // Analytics consent: without it no storage tier is touched and nothing is sent (the
  // store opens lazily, on its first transaction).
  let granted = false;

  const report = (code: string, detail: Record<string, unknown>, source: ErrorSource = 'network'): void =>
    client?.reportError({ code, message: code, detail, source });
  const fault = (error: unknown): void => report('transport/failed', { error: String(error) }, 'sdk');
  const safe = (fn: () => void) => (): void => {
    try {
      fn();
    } catch (error) {
      fault(error);
    }
  };
  /** Counts a drop under `code` and reports it (a throwing format function is the user's bug). */
  const drop = (code: TransportErrorCode, events: number, detail?: Record<string, unknown>): undefined => {
    dropped[code] = (dropped[code] || 0) + events;
    report(code, { events, ...detail }, code == 'transport/format-failed' ? 'user' : 'network');
  };
  const store = createQueueStore(name, (from, to, error) => report('storage/downgraded', { from, to, error: String(error) }, 'sdk'));
  const { tx } = store;
  const build = (json: string[]) => formatBatch(format, json, endpoint, writeKey || (client && client.options.writeKey), headers);

  // ---- When to send (the model: DataDog browser-sdk's flushController): the events and
  // bytes stored since the last flush, counted incrementally; every flush has a reason.
  let events = 0;
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Set while a retry is pending: count, bytes and timer flushes wait for it.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const fire = (reason: FlushReason): void => {
    events = bytes = 0;
    timer = void clearTimeout(timer);
    void run(reason);
  };
  const arm = (): void => {
    timer ||= setTimeout(fire, intervalMs, 'timer');
  };
  // A send succeeded, or the network came back: no more waiting.
  const resume = (): void => {
    retryTimer = void clearTimeout(retryTimer);
  };

  // ---- The writer: events wait in memory and are written in one transaction per task.
  let pending: SightlineEvent[] = [];
  const writes = new Map<QueueWrite, QueueRecord[]>();
  // This tab's stored records its sender has not claimed yet: page exit can beacon them
  // synchronously (an IndexedDB read would not finish). At most about a batch: the next
  // count, bytes or timer flush claims them; not kept while backing off (the collector
  // fails; stored is safer than a beacon nobody can check) or while another tab sends.
  const mine = new Map<string, QueueRecord>();
  let seq = 0;
  let channel: MessageChannel | undefined;
  let scheduled = false;
  const size = (): number => pending.length + count([...writes.values()].flat());

  /** Serializes each event once, measures it once, and cuts chunks a batch can carry. */
  const toRecords = (list: SightlineEvent[]): QueueRecord[] => {
    const now = Date.now();
    const out: QueueRecord[] = [];
    let chunk: string[] = [];
    let weight = 0;
    let id = '';
    const close = (): void => {
      if (chunk.length) out.push({ k: recordKey(now, (seq = (seq + 1) % SEQ_WRAP), weight, chunk.length, id), j: chunk });
      chunk = [];
      weight = 0;
    };
    for (const event of list) {
      let j: string;
      try {
        j = JSON.stringify(event);
      } catch {
        continue; // the core made every event JSON-safe; a hostile toJSON is the only way here
      }
      const b = byteLength(j) + 1;
      if (chunk.length >= maxEvents || weight + b > batchBytes) close();
      if (!chunk.length) id = event.messageId || uuid();
      chunk.push(j);
      weight += b;
    }
    close();
    return out;
  };

  const drain = (): void => {
    scheduled = false;
    if (!pending.length || !granted) return;
    const records = toRecords(pending);
    pending = [];
    const write = put(tx, records);
    writes.set(write, records);
    // A write taken back at page exit is no longer ours to report.
    void write.done.then(
      () => {
        if (!writes.delete(write)) return;
        queued += count(records);
        events += count(records);
        bytes += records.reduce((n, r) => n + recordBytes(r.k), 0);
        if (retryTimer) return; // the retry will send these too
        records.forEach((r) => mine.set(r.k, r));
        if (events >= maxEvents) fire('count');
        else if (bytes >= maxBytes) fire('bytes');
        else arm();
      },
      () => writes.delete(write),
    );
  };

  // Write in the next task: the core hands events over a microtask or more apart, so a
  // task's events make one write only once the task is over. A MessageChannel message
  // is a task that timer clamping and background throttling do not delay.
  const later = (): void => {
    if (scheduled) return;
    scheduled = true;
    try {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = drain;
        const port = channel.port1 as { unref?(): void };
        if (port.unref) port.unref(); // Node (tests, SSR) would otherwise stay alive for it
      }
      channel.port2.postMessage(0);
    } catch {
      setTimeout(drain);
    }
  };

  const settled = (): Promise<unknown> => (drain(), Promise.all([...writes.keys()].map((w) => w.done)));

  /** Takes back what is not durable yet (page exit): unwritten events and writes that can still be cancelled. */
  const takeFresh = (): QueueRecord[] => {
    const fresh: QueueRecord[] = [];
    writes.forEach((records, write) => write.cancel() && writes.delete(write) && fresh.push(...records));
    fresh.push(...toRecords(pending));
    pending = [];
    return fresh;
  };

  // ---- The sender: one cycle at a time in this tab, one tab at a time (the lock).
  const owner = uuid();
  const lock = createLock(name, owner);
  let attempt = 0;
  let running: Promise<void> | undefined;
  let again = false;
  // The batch this tab's sender holds claimed, as page exit must leave it when a page of
  // this site loads next: its records while unanswered or failed, notes (no events) once
  // delivered. The claim would otherwise outlive the page by CLAIM_MS: the unclaim or the
  // delete after the answer is an IndexedDB write that does not commit once the page is gone.
  let held: QueueRecord[] = [];

  /** One request, split in halves on 413 or when it outgrew `maxBytes`; resolves with the answer to retry after. */
  const sendEvents = async (json: string[]): Promise<Answer | undefined> => {
    const n = json.length;
    let req;
    try {
      req = build(json);
    } catch (error) {
      return drop('transport/format-failed', n, { error: String(error) });
    }
    if (byteLength(req[1]) > maxBytes) return n > 1 ? halves(json) : drop('transport/too-large', n);
    inFlight += n;
    const answer = await send(req, timeoutMs, compress);
    inFlight -= n;
    const outcome = outcomeOf(answer[0]);
    if (outcome == 'sent') sent += n;
    else if (outcome == 'retry') return answer;
    else if (outcome == 'split' && n > 1) return halves(json);
    else drop('transport/rejected', n, { status: answer[0] });
  };
  const halves = async (json: string[], mid = Math.ceil(json.length / 2)): Promise<Answer | undefined> =>
    (await sendEvents(json.slice(0, mid))) || sendEvents(json.slice(mid));

  /**
   * Takes in what earlier pages spilled, bounds the queue, then claims, sends and settles
   * batch after batch until the queue is empty or a request fails, and then backs off.
   * A batch's records are deleted once every event was sent or dropped; given back for a
   * retry otherwise (events of the same records that already went out then go again:
   * their messageId removes them).
   */
  const cycle = async (): Promise<void> => {
    await store.absorb();
    const [kept, cut] = await trim(tx, queueEvents, queueBytes);
    queued = kept;
    if (cut) drop('transport/queue-overflow', cut);
    // Consent withdrawn mid-cycle: nothing more leaves.
    while (granted) {
      const now = Date.now();
      const records = await claim(tx, owner, maxEvents, batchBytes, now, now + D.CLAIM_MS);
      if (!records.length) break;
      held = records;
      const keys = records.map((r) => r.k);
      const json = records.flatMap((r) => r.j);
      keys.forEach((k) => mine.delete(k)); // in flight now: page exit must not send them again
      // A record with no events is a page exit's note that it was sent (see exit): just delete it.
      const retry = json.length && (await sendEvents(json));
      if (retry) {
        retried += json.length;
        mine.clear();
        // Unclaimed at once: the next page, or another tab, need not wait for the claim to expire.
        await free(tx, keys);
        held = [];
        timer = void clearTimeout(timer);
        resume();
        retryTimer = setTimeout(() => ((retryTimer = undefined), fire('retry')), retryDelay(attempt++, baseMs, capMs, retry[1]));
        return;
      }
      // Answered: the backoff starts over, so one failure after many successes waits
      // base, not a delay grown by failures long past (delays reach capMs otherwise).
      if (json.length) attempt = 0;
      held = keys.map((k) => ({ k, j: [] }));
      await free(tx, keys, true);
      held = [];
      queued = Math.max(0, queued - json.length);
    }
    // Stored but claimed by others (another tab's batch, or a gone page's until its claim
    // expires): look again later, as when another tab holds the lock.
    if (queued) arm();
    attempt = 0;
    resume();
  };

  // A flush asked for during a cycle runs again right after it (unless backing off).
  const run = (reason: FlushReason): Promise<void> => {
    lastFlush = reason;
    if (!granted) return Promise.resolve(); // not even the lock: its lease is storage
    if (running) return (again = true), running;
    return (running = (async () => {
      do {
        again = false;
        // Another tab is sending (this tab's records too): look again later.
        if (!(await lock(() => cycle().catch(fault)))) mine.clear(), arm();
      } while (again && !retryTimer);
    })().finally(() => (running = undefined)));
  };

  // ---- Page exit: what is not durable yet is beaconed within the page's 64 KiB keepalive
  // budget (less the keepalive requests in flight) and the rest saved synchronously, for
  // the next page; then, with what is left of the budget, this tab's stored records that
  // wait for the timer. Events that arrive later in the same task (pagehide listeners that
  // run after ours: engagement time, page leave) go the same way, together, from a
  // microtask once they stop coming, against what is left of the budget. When a page of
  // this site is known to load next, everything waits for it instead (see `next`).
  let exiting = false;
  let spent = 0;
  let gathering = false;
  // A page of this origin is loading next (the Navigation API's navigate event: a link, a
  // form, a script): it sends what is stored or spilled, retrying until a 2xx, so nothing
  // need ride a beacon, whose answer nobody reads. Unknown (a closing tab, the address
  // bar, another site, no Navigation API): beacons.
  let next = false;
  const exit = (): void => {
    gathering = false;
    if (!granted) return;
    const fresh = takeFresh();
    // Saved with this tab's stored records and held batch: a spilled record is queued and
    // unclaimed (absorb() frees its claim), so the next page sends them at once rather
    // than after the claims of this page, whose sender is gone, expire.
    if (next && store.spill(fresh.concat([...mine.values()], held))) return;
    // Then this tab's stored records waiting for the timer: durable already, so they come
    // second (what does not fit stays stored), but an IndexedDB read would not finish now.
    const list = fresh.concat([...mine.values()]);
    let done = 0;
    try {
      // One request per chunk: a chunk is at most one batch, and most exits have one or two.
      for (const r of list) {
        const req = build(r.j);
        const cost = byteLength(req[1]);
        // Beacons cannot be read back: what the browser accepted counts as sent.
        if (spent + cost > D.KEEPALIVE_BYTES - keepaliveInFlight() || !hand(req)) break;
        spent += cost;
        sent += r.j.length;
        done++;
      }
    } catch {
      // A throwing custom format: keep the rest for the next page.
    }
    const left = fresh.slice(done);
    if (left.length && !store.spill(left)) drop('transport/exit-lost', count(left));
    const gone = list.slice(fresh.length, done).map((r) => (mine.delete(r.k), (queued -= r.j.length), r.k));
    if (!gone.length) return;
    // Sent, so deleted; but an IndexedDB delete may not commit before the page is gone, so
    // first a synchronous note (records with no events, which absorb() turns into deletes)
    // that keeps the next page and the other tabs from sending them again.
    store.spill(gone.map((k) => ({ k, j: [] })));
    void free(tx, gone, true);
  };

  return {
    name: 'sightline-collector',
    setup(c) {
      client = c;
      const nav = (globalThis as { navigation?: EventTarget }).navigation;
      // Storage and network wait for analytics consent; withdrawn, they stop (what is stored stays for a later grant).
      const consent = (state: ConsentState): void => {
        const was = granted;
        granted = state.analytics;
        if (granted && !was) later(), void run('start');
      };
      stops = [
        c.on('consent', consent),
        // Beacon or save what is not durable yet, then send the durable rest (keepalive).
        onPageExit(
          safe(() => {
            if (!exiting) {
              exiting = true;
              spent = 0;
              // If the page lives on (a tab switch, a return from the back/forward cache),
              // the next task ends this exit, and whatever navigation was under way.
              setTimeout(() => (exiting = next = false));
            }
            exit();
            void run('page-exit');
          }),
        ),
        addListener(nav, 'navigate', ({ destination: to }: NavigateEvent) => {
          next = !to.sameDocument && to.url.startsWith(`${location.origin}/`);
        }),
        // A navigation a single-page app took over (intercept) stays in this document.
        addListener(nav, 'navigatesuccess', () => (next = false)),
        addListener(nav, 'navigateerror', () => (next = false)),
        addListener(
          globalThis, // the window in a page; nothing where there is no addEventListener (Node)
          'online',
          safe(() => (resume(), void run('online'))),
        ),
      ];
      consent(c.consent.get());
    },
    destination(event) {
      pending.push(event);
      later();
      if (!exiting || gathering) return;
      // During an exit, the core hands events over a microtask or two apart: gather them, then send once.
      gathering = true;
      let seen = 0;
      let quiet = 0;
      const gather = (): void => {
        const now = size();
        quiet = now === seen ? quiet + 1 : 0;
        seen = now;
        if (quiet < D.QUIET_TURNS) queueMicrotask(gather);
        else exit();
      };
      queueMicrotask(gather);
    },
    flush: (reason) => settled().then(() => run(reason)),
    stats: () => ({ queued: queued + size(), inFlight, sent, retried, dropped: { ...dropped }, storage: store.tier(), lastFlush }),
    async teardown() {
      stops.forEach((stop) => stop());
      clearTimeout(timer);
      clearTimeout(retryTimer);
      channel?.port1.close();
      await settled();
      await running;
    },
  };
}
