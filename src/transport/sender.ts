import type { QueueChain } from '../storage/queue-store';
import type { FlushReason } from '../types';
import { CLAIM_MS } from './constants';
import { deliver } from './deliver';
import type { DeliverContext } from './deliver';
import { TransportErrors } from './errors';
import type { FlushController } from './flush-controller';
import type { TabLock } from './lock';
import type { CollectorStats, Settings } from './options';
import { retryDelay } from './retry';
import { trim } from './trim';

/** What {@link createSender} works with. */
export interface SenderDeps {
  settings: Settings;
  stats: CollectorStats;
  /** This tab's id in claims. */
  owner: string;
  store: QueueChain;
  lock: TabLock;
  controller: FlushController;
  ctx: DeliverContext;
  onFault(error: unknown): void;
}

/** Runs send cycles: one at a time in this tab, one tab at a time (the lock). */
export interface Sender {
  run(reason: FlushReason): Promise<void>;
  /** The cycle in progress, if any (teardown waits for it). */
  current(): Promise<void> | undefined;
}

/**
 * "How" to send, apart from "when" (the flush controller): a cycle takes in what
 * earlier pages spilled, bounds the queue, then claims, sends and settles batch after
 * batch until the queue is empty or a request fails, and then backs off.
 */
export function createSender(d: SenderDeps): Sender {
  const { settings: s, store, controller, ctx } = d;
  let attempt = 0;
  let running: Promise<void> | undefined;
  let again = false;

  async function cycle(): Promise<void> {
    await store.absorb();
    const { kept, cut } = await trim(store, s.queueEvents, s.queueBytes);
    d.stats.queued = kept;
    if (cut) ctx.drop(TransportErrors.queueOverflow, cut);
    for (;;) {
      const now = Date.now();
      const records = await store.claim({ owner: d.owner, max: s.maxEvents, bytes: s.batchBytes, now, until: now + CLAIM_MS });
      if (!records.length) break;
      const retry = await deliver(ctx, records);
      if (retry) return controller.backoff(retryDelay(attempt++, s.baseMs, s.capMs, retry.retryAfter));
    }
    attempt = 0;
    controller.resume();
  }

  return {
    // A flush asked for during a cycle runs again right after it (unless backing off).
    run(reason) {
      d.stats.lastFlush = reason;
      if (running) return (again = true), running;
      running = (async () => {
        do {
          again = false;
          if (!(await d.lock(cycle))) controller.arm(); // another tab is sending: look again later
        } while (again && !controller.backingOff());
      })()
        .catch(d.onFault)
        .finally(() => (running = undefined));
      return running;
    },
    current: () => running,
  };
}
