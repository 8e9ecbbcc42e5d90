import { addListener } from '../lib/add-listener';
import { guard } from '../lib/guard';
import { onPageExit } from '../lib/on-page-exit';
import { uuid } from '../lib/uuid';
import { recordBytes, recordCount } from '../storage/kv';
import { StorageErrors } from '../storage/queue-errors';
import { createQueueStore } from '../storage/queue-store';
import type { ErrorSource, Plugin, SightlineClient } from '../types';
import { TransportErrors } from './errors';
import { createExitHandler } from './exit';
import { createFlushController } from './flush-controller';
import { formatBatch } from './format';
import { createLock } from './lock';
import { resolveSettings } from './options';
import type { CollectorOptions, CollectorStats } from './options';
import { createSender } from './sender';
import { send } from './send';
import { createWriter } from './writer';

/** The collector plugin: a destination with `flush` and `stats`. */
export type Collector = Omit<Plugin, 'stats'> & { stats(): CollectorStats };

/**
 * Delivers every event to `options.endpoint` at least once: batched by count, bytes
 * and time; persisted (IndexedDB, else localStorage, else memory) before it is sent and
 * removed only after a 2xx; retried with backoff; sent by one tab at a time; and,
 * at page exit, beaconed or saved synchronously for the next page.
 */
export function collector(options: CollectorOptions): Collector {
  const settings = resolveSettings(options);
  const { name, maxEvents, batchBytes } = settings;
  const stats: CollectorStats = { queued: 0, inFlight: 0, sent: 0, retried: 0, dropped: {}, storage: 'indexeddb' };
  let client: SightlineClient | undefined;
  let stops: (() => void)[] = [];

  const report = (code: string, detail: Record<string, unknown>, source: ErrorSource = 'network'): void =>
    client?.reportError({ code, message: `${code} ${JSON.stringify(detail)}`, detail, source });
  const onFault = (error: unknown): void => report(TransportErrors.failed, { error: String(error) }, 'sdk');
  const drop = (code: string, events: number, detail?: Record<string, unknown>): void => {
    stats.dropped[code] = (stats.dropped[code] ?? 0) + events;
    // The user's format function threw: their bug, not the network's.
    report(code, { events, ...detail }, code === TransportErrors.formatFailed ? 'user' : 'network');
  };
  const store = createQueueStore(name, (from, to, error) => report(StorageErrors.downgraded, { from, to, error: String(error) }, 'sdk'));
  const build = (json: string[]) =>
    formatBatch(
      options.format ?? 'native',
      json,
      { sentAt: new Date().toISOString(), writeKey: options.writeKey ?? client?.options.writeKey, endpoint: options.endpoint },
      options.headers,
    );
  const controller = createFlushController(settings, (reason) => void sender.run(reason));
  const owner = uuid();
  const sender = createSender({
    settings,
    stats,
    owner,
    store,
    controller,
    lock: createLock(name, owner),
    ctx: { store, stats, maxBytes: settings.maxBytes, build, drop, send: (req) => send(req, settings.timeoutMs, options.gzip) },
    onFault,
  });
  const writer = createWriter(store, { maxEvents, maxBytes: batchBytes }, (records) => {
    const events = records.reduce((n, r) => n + recordCount(r.k), 0);
    stats.queued += events;
    controller.stored(events, records.reduce((n, r) => n + recordBytes(r.k), 0));
  });
  const exits = createExitHandler({
    takeFresh: writer.takeFresh,
    pending: writer.size,
    spill: store.spill,
    build,
    limits: { max: maxEvents, bytes: batchBytes },
    sent: (events) => (stats.sent += events),
    lost: (events) => drop(TransportErrors.exitLost, events),
  });

  return {
    name: 'sightline-collector',
    setup(c) {
      client = c;
      const win = typeof window === 'undefined' ? undefined : window;
      stops = [
        // Beacon or save what is not durable yet, then send the durable rest (keepalive).
        onPageExit(guard(() => (exits.exit(), sender.run('page-exit')), onFault)),
        addListener(win, 'online', guard(() => (controller.resume(), sender.run('online')), onFault)),
      ];
      void sender.run('start');
    },
    destination(event) {
      writer.add(event);
      exits.added();
    },
    flush: (reason) => writer.settled().then(() => sender.run(reason)),
    stats: () => ({ ...stats, queued: stats.queued + writer.size(), dropped: { ...stats.dropped }, storage: store.tier() }),
    async teardown() {
      stops.forEach((stop) => stop());
      controller.stop();
      await writer.stop();
      await sender.current();
    },
  };
}
