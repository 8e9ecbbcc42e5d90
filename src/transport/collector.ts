import { addListener } from '../lib/add-listener';
import { byteLength } from '../lib/byte-length';
import { outsideZones } from '../lib/outside-zones';
import { toJson } from '../lib/safe-json';
import { uuid } from '../lib/uuid';
import { fit, keyTime, recordKey } from '../storage/queue-kv';
import type { QueueRecord } from '../storage/queue-kv';
import { pauseReads } from '../storage/idb';
import { apply, note } from '../storage/queue-ops';
import { createQueueStore } from '../storage/queue-store';
import type { ConsentState, ErrorSource, FlushReason, Plugin, SightlineClient, SightlineEvent } from '../types';
import * as D from './constants';
import type { TransportErrorCode } from './errors';
import { formatBatch } from './format';
import { createLock } from './lock';
import type { CollectorOptions, CollectorStats } from './options';
import { createRateLimit } from './rate-limit';
import { retryable, retryDelay } from './retry';
import { hand, send } from './send';
import { readSettings, type CollectorSettings } from './settings';
import type { Answer } from './send';

/** The collector plugin: a destination with `flush` and `stats`. */
export type Collector = Omit<Plugin, 'stats'> & { stats(): CollectorStats };

/** What the Navigation API's `navigate` event carries that the transport reads. */
type NavigateEvent = Event & { destination: { url: string; sameDocument: boolean } };

const count = (records: QueueRecord[]): number => fit(records.map((r) => r.k))[1];

/** {@link collector} on settings already read (the script tag's: see defaultSettings). */
export const createCollector = (settings: CollectorSettings): Collector => {
  // `let`: the write key may be the client's, read at setup.
  let [endpoint, timeoutMs, ratePerName, maxEvents, maxBytes, intervalMs, baseMs, capMs, queueEvents, queueBytes, format, writeKey, zip, headers, name, invalid] = settings;
  // One that throws or rejects is the page's bug: its body goes as it is (a retry would fail alike).
  const compress =
    zip &&
    (async (body: string) => {
      try {
        return await zip(body);
      } catch (error) {
        report('transport/compress-failed', { error: String(error) }, 'user');
      }
    });
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

  const report = (code: string, detail: Record<string, unknown>, source: ErrorSource = 'sdk'): void =>
    client?.reportError({ code, message: code, detail, source });
  const fault = (error: unknown): void => report('transport/failed', { error: String(error) });
  /** Counts a drop under `code` and reports it (a throwing format function is the user's bug). */
  const drop = (code: TransportErrorCode, events: number, detail?: Record<string, unknown>): undefined => {
    dropped[code] = (dropped[code] || 0) + events;
    report(code, { events, ...detail }, code == 'transport/format-failed' ? 'user' : 'network');
  };
  // A runaway loop on the page must not flood the collector: past the rate, events of a
  // name (of a type for page, identify and alias) are refused in `before`, so no plugin
  // enriches or receives them.
  const admit = createRateLimit(ratePerName, (event, dropped) => report('input/rate-limited', { event, dropped }, 'input'));
  // What this tab stored in the tier it leaves is not beaconed at exit: the exit's notes
  // would delete it in the next tier, and the cycle sends it from there (store.source).
  const store = createQueueStore(name, (from, to, error) => (mine.clear(), report('storage/downgraded', { from, to, error: String(error) })));
  const { tx } = store;
  const build = (json: string[]) => formatBatch(format, json, endpoint, writeKey, headers);

  // ---- When to send (the model: DataDog browser-sdk's flushController): on the events and
  // bytes this tab stored that its sender has not taken yet (see `mine`); every flush has a reason.
  // One timer: the batch timer, or while backing off the retry's, which count, bytes and
  // timer flushes then wait for.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = false;
  const fire = (reason: FlushReason): void => {
    timer = void clearTimeout(timer);
    backoff = false;
    void run(reason);
  };
  const arm = (ms = intervalMs): void => {
    timer ||= setTimeout(fire, ms, 'timer');
  };
  // To look again for a cycle that could not run now (the page may still be leaving, another
  // tab sends): not sooner than the default interval, so `intervalMs: 0` does not spin.
  const lookLater = (): void => arm(Math.max(intervalMs, D.BATCH_INTERVAL_MS));

  // ---- The writer: events wait in memory and are written in one transaction per task.
  const pending: SightlineEvent[] = [];
  // Writes not committed yet, with their records: page exit takes them (see exit).
  const writes = new Map<Promise<void>, QueueRecord[]>();
  // This tab's stored records its sender has not taken yet: page exit can beacon them
  // synchronously (an IndexedDB read would not finish). At most about a batch: the next
  // count, bytes or timer flush takes them; not kept while backing off (the collector
  // fails; stored is safer than a beacon nobody can check) or while another tab sends.
  const mine = new Map<string, QueueRecord>();
  // Chunks page exits beaconed, and records an exit after pagehide counted as lost (see drain, exit).
  const beaconed = new WeakSet<QueueRecord>();
  const owner = uuid();
  let time = 0;

  /** Serializes each event once (JSON already is), measures it once, and cuts chunks a batch can carry. */
  const toRecords = (list: (SightlineEvent | string)[]): QueueRecord[] => {
    const out: QueueRecord[] = [];
    let chunk: string[] = [];
    let weight = 0;
    const close = (): void => {
      // A time that grows by at least 1 ms per chunk keeps this tab's chunks in order.
      if (chunk.length) out.push({ k: recordKey((time = Math.max(Date.now(), time + 1)), weight, chunk.length, owner), j: chunk });
      chunk = [];
      weight = 0;
    };
    for (const event of list) {
      let j: string;
      try {
        j = typeof event == 'string' ? event : toJson(event);
      } catch {
        continue; // the core made every event JSON-safe; a hostile toJSON is the only way here
      }
      const b = byteLength(j) + 1;
      if (chunk.length >= maxEvents || weight + b > batchBytes) close();
      chunk.push(j);
      weight += b;
    }
    close();
    return out;
  };

  // Outside Angular's zone (see outsideZones), as `run` is: a flush the app asks for writes too.
  const drain = outsideZones((): void => {
    if (!pending.length || !granted) return;
    const records = toRecords(pending.splice(0));
    // As apply() does, unless it had not begun by `pagehide` (the page's first write, waiting
    // for the database to open): the exit took these records (beaconed, saved or stored anew),
    // so it writes nothing. Stored now, they would go again once another tab or the next page
    // had sent the saved copy. (Asked for after `pagehide`, none is: see settled.)
    const write = tx((kv) => away || records.forEach((r) => (r.j.length ? kv.set(r.k, r) : kv.del(r.k))));
    writes.set(write, records);
    // A write taken at page exit is no longer ours to count.
    void write.then(
      () => {
        // Taken by a page exit as it was written: what the exit beaconed is noted again. A
        // tab that took the exit's notes in before this write committed deleted nothing (the
        // transaction waits for the database to open, or for one of another tab's).
        if (!writes.delete(write)) {
          const again = records.filter((r) => beaconed.has(r)).map((r) => note(r.k));
          return void (again.length && store.spill(again));
        }
        queued += count(records);
        if (backoff) return; // the retry will send these too
        records.forEach((r) => mine.set(r.k, r));
        // What waits for this tab's sender: the events and bytes stored since it last took.
        const [, n, b] = fit([...mine.keys()]);
        if (n >= maxEvents) fire('count');
        else if (b >= maxBytes) fire('bytes');
        else arm();
      },
      () => writes.delete(write),
    );
  });

  // Write in the next task: the core hands events over a microtask or more apart, so a
  // task's events make one write only once the task is over. A MessageChannel message
  // is a task that timer clamping and background throttling do not delay. The first
  // event waiting asks for it, and so does a consent grant for events that waited for one
  // (a write that finds nothing waiting, or no consent, does nothing).
  const later = (): void => channel.port2.postMessage(0);

  const channel = new MessageChannel();
  channel.port1.onmessage = drain;
  const port = channel.port1 as { unref?(): void };
  if (port.unref) port.unref(); // Node (tests, SSR) would otherwise stay alive for it

  // Away (after `pagehide`), what waits goes the exit's way (beaconed or saved), a flush's
  // and destroy()'s too, never written: see drain.
  const settled = (): Promise<unknown> => ((away ? exit : drain)(), Promise.all(writes.keys()));

  // ---- The sender: one cycle at a time in this tab, one tab at a time (the lock).
  const lock = createLock(name, owner);
  // Whether this tab still holds the lock (the cycle's): false once another tab took it
  // over, or this page let it go at pagehide (see leave).
  let ours = (): boolean => true;
  let attempt = 0;
  let running: Promise<void> | undefined;
  let again = false;
  // Notes for the batch this tab just delivered (with, before a retry, the chunk of what is
  // left of it), until that write commits: page exit saves them when a page of this site
  // loads next (an IndexedDB write does not commit once the page is gone, and the next page
  // would send the batch again). While a batch goes in halves: what was stored or saved of
  // it once part of it was over (see progress).
  let held: QueueRecord[] = [];
  // A page exit saved records for the next page, and some of them may be stored after all
  // (a write that committed as the page lived on), or will be delivered after all (the rest
  // of a batch under way): what this page delivers leaves its notes there too, or the next
  // page would send it again, until a cycle took those copies in (before its next batch).
  let spilled = false;

  // Events of the batch under way that are over (sent or dropped), from its first: the halves
  // go in order and stop at the first answer to retry after, so what is over is a prefix.
  let done = 0;
  // Where it ends for its cycle: its last event, or, in memory, the last of the half under
  // way at pagehide (the exit beacons what follows it; see exit).
  let end = 0;
  // Its chunks, while its request is under way.
  let flying: QueueRecord[] = [];
  /**
   * What a batch leaves once `done` of its events are over: notes for its chunks and for any
   * rest of it stored or saved before (see keep, exit), and what is left of it (up to `end`)
   * as a chunk of its own.
   */
  const progress = (records: QueueRecord[]): QueueRecord[] =>
    records.concat(held).map((r) => note(r.k)).concat(toRecords(records.flatMap((r) => r.j).slice(done, end)));
  // No storage works here (the last tier): the queue is this page's alone, and goes with it.
  const inMemory = (): boolean => store.tier() == 'memory';
  /** Stores what the batch `records` leaves once `done` of its events are over (see progress). */
  const keep = async (records: QueueRecord[]): Promise<void> => {
    held = progress(records);
    // Once the lock went (see leave), another sender may have sent this very batch, or be
    // sending it: what is left of it, stored again, would go twice. So only a batch all over
    // is noted then, by saved notes (the queue is that sender's); the rest stays as it is.
    // In memory the queue is this page's alone, and applying to it starts nothing: at once,
    // whatever the lock or the page (here and below; see exit).
    if (!ours() && !inMemory()) return void store.spill((held = held.some((r) => r.j.length) ? [] : held));
    // Answered after pagehide: saved notes do it, for the next page or this one if it
    // comes back (nothing asynchronous starts then; see `away`).
    if (spilled || away) store.spill(held);
    if (!away || inMemory()) await store.finish(held);
  };
  const over = (n: number, code?: TransportErrorCode, detail?: Record<string, unknown>): undefined => {
    done += n;
    if (code) drop(code, n, detail);
    else sent += n;
  };

  /** One request, split in halves on 413 or when it outgrew `maxBytes`; resolves with the answer to retry after. */
  const sendEvents = async (json: string[]): Promise<Answer | undefined> => {
    const n = json.length;
    // Nothing starts away, nor once the lock went (a half's rest): the next sender sends it,
    // or drops what it cannot send (counted here too, that would be counted twice).
    if (away || !ours()) return;
    let req;
    try {
      req = build(json);
    } catch (error) {
      return over(n, 'transport/format-failed', { error: String(error) });
    }
    if (req[4] > maxBytes) return n > 1 ? halves(json) : over(n, 'transport/too-large');
    inFlight += n;
    const answer = await send(req, timeoutMs, compress);
    inFlight -= n;
    const status = answer[0];
    if (status > 199 && status < 300) over(n);
    else if (retryable(status)) return answer;
    // 413: too large for this collector, so halves; any other status will not change by retrying.
    else if (status == 413 && n > 1) return halves(json);
    else over(n, 'transport/rejected', { status });
  };
  // Between two halves, what is over leaves the queue first (see keep): a page killed before
  // the rest is answered, with no exit, must not send it again.
  const halves = async (json: string[], mid = Math.ceil(json.length / 2)): Promise<Answer | undefined> =>
    (await sendEvents(json.slice(0, mid))) || (await keep(flying), sendEvents(json.slice(mid)));

  /** Tells the other tabs that the chunks `keys` (oldest first) are taken: their exits must not beacon them (see store.took). */
  const claim = (keys: string[]): void => {
    const theirs = keys.filter((k) => !k.endsWith(owner)).pop();
    if (theirs) store.took(theirs);
  };
  /**
   * Bounds the queue, then reads, sends and deletes batch after batch until the queue is
   * empty or a request fails, and then backs off; before each batch it takes in what page
   * exits spilled (records saved, notes of chunks beaconed).
   * A batch's records are deleted once every event was sent or dropped; kept for a retry
   * otherwise (events of the same records that already went out then go again: their
   * messageId removes them).
   */
  const cycle = async (): Promise<void> => {
    let bounds: [number, number] | undefined = [queueEvents, queueBytes];
    // A batch was answered: a backoff is over.
    let calm = false;
    // Consent withdrawn mid-cycle, the page away (see `away`), another tab took the lock
    // over (or this page let it go), or a page of this site loads next (it sends the rest):
    // nothing more leaves from here.
    while (granted && !away && ours() && !leaving()) {
      // Before each batch: a page exit during this cycle (a tab switch while a request was
      // under way, in this tab or another) beaconed stored chunks and noted them there.
      const seen = exits;
      // Takes in all that exits saved so far: a copy saved there is stored once, in the
      // queue, and later batches need no notes for the next page (see `spilled`).
      spilled = false;
      await store.absorb();
      if (away) break; // a pagehide came meanwhile
      // From a tier the queue left for being full first, while it holds records (store.source).
      // Bounded only by the lock's holder: a read given up at pagehide runs again at pageshow,
      // past the lock, while the next sender takes in and deletes what exits beaconed.
      const [records, kept, cut] = await store.take(maxEvents, batchBytes, bounds && (() => (ours() ? bounds! : [])));
      if (bounds) queued = kept;
      // Cut, so not for an exit to beacon, this tab's nor another tab's (which may hold it in
      // memory for that); and not lost if an exit beaconed (and noted) it as this batch was read,
      // or saved it (the next cycle takes that copy in, and bounds the queue with it).
      claim(cut);
      const unnoted = cut.filter((k) => (mine.delete(k), !store.noted([k])));
      const [, lost] = fit(unnoted);
      if (lost) drop('transport/queue-overflow', lost);
      // Deleted where it was read; below a full IndexedDB a chunk may be held in two tiers
      // (an exit saved it as its write committed): deleted in both, or it would go after all.
      // By saved notes once the lock went (at pagehide): the queue is the next sender's. Not
      // over a copy an exit saved: that would lose it unreported.
      if (cut.length) ours() ? await store.finish(cut.map(note)) : store.spill(unnoted.map(note));
      bounds = undefined;
      const keys = records.map((r) => r.k);
      // An exit while this batch was read, in this tab or another, may have beaconed some of
      // it: take its notes in first. Consent withdrawn, a pagehide or a navigation as it was read: it stays stored.
      // Below a full tier it may hold chunks the bound cut (deleted now): anything cut, it is read again too.
      if (exits != seen || store.noted(keys) || cut.length || !granted || away || leaving()) continue;
      // All sent: a record still in `mine` was sent by another tab, and an exit must not beacon it.
      if (!records.length) {
        // That was the tier the queue left: now the current one, bounded and counted.
        if (store.drained()) {
          bounds = [queueEvents, queueBytes];
          continue;
        }
        mine.clear();
        break;
      }
      // Another tab's chunks: it must not beacon them at its exit while this request is under way.
      claim(keys);
      const json = records.flatMap((r) => r.j);
      keys.forEach((k) => mine.delete(k)); // in flight now: page exit must not send them again
      flying = records;
      done = 0;
      end = json.length;
      held = [];
      const retry = await sendEvents(json);
      flying = [];
      queued = Math.max(0, queued - done);
      // What is over leaves the queue: all of it, or, before a retry, the halves that were
      // sent or dropped (the rest is stored again as one chunk, so they go neither twice
      // nor, dropped and reported, after all).
      if (done || end < json.length) await keep(records), (held = []);
      // Answered after pagehide, in memory: nothing else holds what is left of the batch (to
      // retry, or halves not sent once away), so the exit beacons it now, or reports it lost.
      if (away && inMemory()) exit();
      if (retry) {
        retried += end - done;
        mine.clear();
        clearTimeout(timer);
        backoff = true;
        timer = setTimeout(fire, retryDelay(attempt++, baseMs, capMs, retry[1]), 'retry');
        return;
      }
      // Answered: the backoff starts over, so one failure after many successes waits
      // base, not a delay grown by failures long past (delays reach capMs otherwise).
      attempt = 0;
      calm = true;
    }
    // Sent (a manual flush during a backoff, say): no more waiting. Not while a page of this
    // site loads next unless a batch was answered: a Retry-After still holds.
    if (backoff && (calm || !leaving())) (backoff = false), (timer = void clearTimeout(timer));
    // The page stayed after all (a download): send then.
    if (leaving()) lookLater();
  };

  // A flush asked for during a cycle runs again right after it; if that cycle failed, only
  // when the network came back or the page asked for it (`rush`), the others wait for the backoff.
  let rush = false;
  // A cycle and all it starts run outside Angular's zone, wherever the call came from
  // (flush, a consent grant): see outsideZones.
  const run = outsideZones((reason: FlushReason): Promise<void> => {
    lastFlush = reason;
    // Not even the lock (its lease is storage); nor while the page is away (see `away`): a
    // timer that fires then sends nothing, and `pageshow` starts again.
    if (!granted || away) return Promise.resolve();
    if (running) return (again = true), (rush ||= reason == 'online' || reason == 'manual'), running;
    return (running = (async () => {
      do {
        again = rush = false;
        // Another tab is sending (this tab's records too): look again later.
        if (!(await lock((holds) => ((ours = holds), cycle().catch(fault))))) mine.clear(), lookLater();
      } while (again && (rush || !backoff));
    })().finally(() => (running = undefined)));
  });

  // ---- Page exit: what is not durable yet (unwritten events, writes not committed) and
  // then this tab's stored records waiting for the timer are beaconed within the page's
  // 64 KiB keepalive budget (less the keepalive requests in flight); the rest that is not
  // durable is saved synchronously, for the next page. Events that arrive later in the
  // same task (pagehide listeners that run after ours: engagement time, page leave) go the
  // same way, together, from a microtask once they stop coming, against what is left of
  // the budget. When a page of this site is known to load next, everything waits for it
  // instead (see `next`).
  let exiting = false;
  // Chunks page exits beaconed, so far (stored ones, and those whose write was under way): a
  // send cycle reads its batch again when one was beaconed while it read (it may be in that batch).
  let exits = 0;
  // `pagehide` came (and no `pageshow` since): the page is unloading or frozen in the
  // back/forward cache. Nothing asynchronous starts then: its answers would come to a page
  // that is gone (a request the next page sends again) or frozen (script that runs in a
  // frozen page evicts it from the cache, and the shopper's Back loads it anew).
  let away = false;
  let spent = 0;
  let gathering = false;
  // A page of this origin is loading next (the Navigation API's navigate event: a link, a
  // form, a script): it sends what is stored or spilled, retrying until a 2xx, so nothing
  // need ride a beacon, whose answer nobody reads. Unknown (a closing tab, the address
  // bar, another site, no Navigation API): beacons. From its announcement until `next`, a
  // time on the page's monotonic clock (see D.NAVIGATE_MS; 0: none), no request starts and
  // an exit saves rather than beacons. Not the wall clock: a clock set back would stretch it.
  let next = 0;
  const leaving = (): boolean => performance.now() < next;
  // Microtasks since the last event handed over during an exit.
  let quiet = 0;
  const gather = (): void => (++quiet < D.QUIET_TURNS ? queueMicrotask(gather) : exit());
  const exit = (): void => {
    gathering = false;
    if (!granted) return;
    // In memory, after pagehide, what this tab holds goes with the page (see below). So does
    // what follows the half under way of a batch going in halves: none is fetched after
    // pagehide, so it is beaconed now (once), and the batch ends before it for its cycle.
    const lostWithPage = away && inMemory();
    const after = lostWithPage ? toRecords(flying.flatMap((r) => r.j).slice(done + inFlight, end)) : [];
    if (after.length) end = done + inFlight;
    // A batch going in halves, part of it over (sent, or dropped and reported): its chunks'
    // notes and the rest as a chunk of its own keep that part from going again if the page
    // is gone before the rest is answered (if it is, the cycle's saved notes delete that chunk).
    // (Once it was stored between halves, that very rest: see the memory tier below.)
    if (done && flying.length) held.length || (held = progress(flying)), (spilled = true);
    // Only a write still in progress can end up both saved and stored (see `spilled`).
    if (writes.size) spilled = true;
    const fresh = [...writes.values()].flat().concat(toRecords(pending.splice(0)));
    writes.clear();
    // Stored, saved or beaconed from here on, they count as queued until they are sent.
    queued += count(fresh);
    // Not in memory: what it holds goes with the page unless beaconed (below).
    if (leaving() && !inMemory() && store.spill(fresh.concat(held))) return;
    // Then this tab's stored records waiting for the timer: durable already, so they come
    // second (what does not fit stays stored), but an IndexedDB read would not finish now.
    // Not those another tab's sender may have taken (see store.taken): they stay stored.
    const taken = store.taken();
    let stored = [...mine.values()].filter((r) => keyTime(r.k) > taken);
    // In memory (no storage works here), all this tab stored and is not sending now: what
    // stays is lost with the page, a batch kept for a retry too. That tier answers at once,
    // with the very records it holds: not the batch under way, nor what is left of it as it
    // goes in halves (`held`), whose next half may be under way.
    if (inMemory()) void tx((kv) => kv.all(true, undefined, (all: QueueRecord[]) => (stored = all.filter((r) => !flying.concat(held).includes(r) && !beaconed.has(r)).concat(after))));
    const list = fresh.concat(stored);
    // Sent, so deleted; but a write not committed may still commit, and a delete may not
    // before the page is gone: first synchronous notes, which make the next page (and
    // the other tabs) delete them instead of sending them again.
    const gone: QueueRecord[] = [];
    // What is left of a chunk that went in part, as a record of its own.
    let rest: QueueRecord[] = [];
    try {
      // A request per chunk (most exits have one or two). A chunk may weigh a whole batch,
      // and a request still in flight holds part of the budget: what does not fit goes in
      // halves, and what is left of it after them, so the budget fills to the event.
      for (const r of list) {
        let { j } = r;
        for (let n = j.length; n; ) {
          const req = build(j.slice(0, n));
          // Beacons cannot be read back: what the browser accepted counts as sent. So no body
          // past `maxBytes` (a long write key, a custom format): its collector may refuse it.
          if (req[4] <= maxBytes && hand(req, timeoutMs, spent)) {
            // A keepalive fetch counts itself in flight (send).
            if (req[3]) spent += req[4];
            sent += n;
            queued -= n;
            n = (j = j.slice(n)).length;
          } else n >>= 1;
        }
        if (j == r.j) break;
        // Stored, or a write of it under way: its sender may be reading it now (see `exits`).
        mine.delete(r.k);
        exits++;
        gone.push(note(r.k));
        beaconed.add(r);
        if (j.length) {
          rest = toRecords(j);
          break;
        }
      }
    } catch {
      // A throwing custom format: keep the rest for the next page.
    }
    const left = fresh.slice(gone.length);
    // In memory, after pagehide, what this tab stored and did not beacon goes with the page.
    const skipped = lostWithPage ? stored.slice(Math.max(gone.length - fresh.length, 0)) : [];
    const saved = store.spill(gone.concat(rest, left, held));
    // Beaconed, so deleted. The saved notes do it, applied by this page's next cycle, another
    // tab's or the next page: in IndexedDB, an answer arriving once the page is frozen in the
    // back/forward cache would run script there, which evicts it; in localStorage a note has
    // replaced its chunk already, and stays to delete a copy in a tier above (one left for
    // being full, or another tab's IndexedDB). In memory nothing else would. Nothing saved
    // (localStorage full or blocked): the queue itself takes it all, in one transaction, so
    // that if it does not commit a stored chunk that went in part stays whole. A page that
    // lives on (a tab switch) loses nothing so; after pagehide that write may not commit
    // before the page is gone, so what it alone holds is reported lost. In memory it would
    // not outlive the page either: reported lost, it is dropped, so that a page restored
    // from the back/forward cache does not send what it counted as lost.
    if (!saved || inMemory()) void apply(tx, saved || lostWithPage ? gone.concat(skipped.map((r) => note(r.k))) : gone.concat(rest, left));
    const lost = (saved || !away ? 0 : count(left) + (lostWithPage || gone.length <= fresh.length ? count(rest) : 0)) + count(skipped);
    // Counted lost, so over as the beaconed are: should the write that holds them commit after
    // all, in memory (the queue stepped down as the page left), they are neither counted again
    // nor sent; elsewhere it is noted again (see drain).
    if (lost) drop('transport/exit-lost', lost), (queued -= lost), left.concat(rest).forEach((r) => beaconed.add(r));
  };

  return {
    name: 'sightline-collector',
    setup(c) {
      client = c;
      // Nowhere to send to: the core reports plugin/setup-failed and leaves this plugin out.
      if (typeof endpoint != 'string' || !endpoint) throw Error('collector() needs an endpoint URL');
      if (invalid.length) report('transport/invalid-option', { options: invalid }, 'input');
      // The client's write key, when it is a string (the core does not check it).
      const { writeKey: fallback } = c.options;
      if (!writeKey && typeof fallback == 'string') writeKey = fallback;
      const nav = (globalThis as { navigation?: EventTarget }).navigation;
      const stay = (): unknown => (next = 0);
      // Storage and network wait for analytics consent; withdrawn, they stop (what is stored stays for a later grant).
      const doc = (globalThis as { document?: Document & { prerendering?: boolean } }).document;
      const consent = (state: ConsentState): void => {
        // Granted now, and not before: start as a page load does. A page the browser
        // prerenders (Speculation Rules) waits until the shopper opens it: its events stay in
        // memory, and one never shown stores and sends nothing.
        if (granted != (granted = state.analytics && !Object(doc).prerendering) && granted) later(), void run('start');
      };
      const leave = (pagehide?: boolean): void => {
        try {
          // Gone, or frozen in the back/forward cache: the tab lock goes (see TabLock.release),
          // whatever the cycle is doing. A storage step under way commits if it only writes;
          // one waiting for a read is undone, and runs again if the page is shown (see
          // pauseReads). From then on the cycle writes only notes in <name>:q: (see keep, and
          // the bound's cut) and starts nothing.
          if (pagehide) lock.release(), pauseReads((away = true));
          if (!exiting) {
            exiting = true;
            spent = 0;
            // If the page lives on (a tab switch, a return from the back/forward cache),
            // the next task ends this exit, and whatever navigation was under way.
            setTimeout(() => ((exiting = false), (next = 0)));
          }
          exit();
          // Gone, and leaving stored events unsent (that did not fit the beacons, a batch kept
          // for a retry, the one under way): a tab still open sends them.
          if (pagehide && granted && queued) store.wake();
          // Only hidden (a tab switch, an app switch on a phone, where the page may be
          // killed later): send the stored rest once it is clear that no pagehide follows.
          setTimeout(() => away || run('page-exit'));
        } catch (error) {
          fault(error);
        }
      };
      stops = [
        c.on('consent', consent),
        addListener(doc, 'prerenderingchange', () => {
          // Opened: what the prerender tracked (its page view first) happens now for the
          // shopper, after the click that opened it on the page before, not at the earlier
          // moment the browser prerendered it. Copies: other plugins keep the events they saw.
          pending.forEach((event, i) => (pending[i] = { ...event, timestamp: new Date().toISOString() }));
          consent(c.consent.get());
        }),
        // The page may be going away: hidden (the last event reliably fired on mobile) or
        // pagehide (navigation, back/forward cache); never `unload`. Both may fire for one
        // exit (see leave): beacon or save what is not durable yet; if only hidden, then send the stored rest.
        addListener(doc, 'visibilitychange', () => doc!.visibilityState == 'hidden' && leave()),
        addListener(globalThis, 'pagehide', () => leave(true)),
        // Another tab saved events at its exit: send them soon (the batch timer), unless backing off.
        store.spills(() => backoff || arm()),
        // Back from the back/forward cache: send what waited, as a page load does. The exit is
        // over: what the page tracks now (a restored page view, in a pageshow listener, runs
        // before the timer that would end it) is stored, not beaconed.
        addListener(globalThis, 'pageshow', () => away && (pauseReads((away = exiting = false)), (next = 0), void run('start'))),
        addListener(nav, 'navigate', ({ destination: to }: NavigateEvent) => {
          next = !to.sameDocument && to.url.startsWith(`${location.origin}/`) ? performance.now() + D.NAVIGATE_MS : 0;
        }),
        // A navigation a single-page app took over (intercept) stays in this document.
        addListener(nav, 'navigatesuccess', stay),
        addListener(nav, 'navigateerror', stay),
        addListener(
          globalThis, // the window in a page; nothing where there is no addEventListener (Node)
          'online',
          // The network came back: no more waiting (`fire` never throws).
          () => fire('online'),
        ),
      ];
      consent(c.consent.get());
    },
    // Refused: `drop` fires (reason `plugin`); never stored or sent. At the event's own time,
    // so a consent buffer released at once counts as it was called (an unreadable one: now).
    before: (event) => (admit(event.event || event.type, Date.parse(event.timestamp) || Date.now()) ? event : null),
    destination(event) {
      if (pending.push(event) < 2) later();
      quiet = 0;
      // During an exit, the core hands events over a microtask or two apart: gather them, then send once.
      // Away, a later task's event goes the same way: beaconed or saved, never written to IndexedDB.
      if ((exiting || away) && !gathering) (gathering = true), queueMicrotask(gather);
    },
    flush: (reason) => settled().then(() => run(reason)),
    stats: () => ({ queued: queued + pending.length + count([...writes.values()].flat()), inFlight, sent, retried, dropped: { ...dropped }, storage: store.tier(), lastFlush }),
    // Stored, what it was given is sent by the next page (or client) of this queue: nothing
    // leaves from here after the request under way, and no timer is left behind. Not waited
    // for after pagehide: a read waits for pageshow then (see pauseReads), an answer may never come.
    async teardown() {
      stops.forEach((stop) => stop());
      channel.port1.close();
      await settled();
      granted = false;
      away || (await running);
      clearTimeout(timer);
    },
  };
};

/**
 * Delivers every event to `options.endpoint` at least once: batched by count, bytes
 * and time; persisted (IndexedDB, else localStorage, else memory) before it is sent and
 * removed only after a 2xx; retried with backoff; sent by one tab at a time; and,
 * at page exit, beaconed or saved synchronously for the next page. Never throws: without an
 * endpoint URL its setup fails (the core reports `plugin/setup-failed` and leaves it out).
 *
 * One closure, its state in local variables: what the bundle carries is mostly logic,
 * not property names (the size budget: docs/delivery.md).
 */
export const collector = (options: CollectorOptions): Collector => createCollector(readSettings(options));
