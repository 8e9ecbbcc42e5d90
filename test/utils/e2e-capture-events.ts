import type { Page } from 'playwright-core';
import type { StoredEvent } from '../../examples/collector/server';
import { byEventTime, fetchEvents, props, waitForEvents } from './e2e-collector';

/** Events of `events` named `name` (track events by name, page views as `page`), by device time. */
export function named(events: StoredEvent[], name: string): StoredEvent[] {
  return byEventTime(events).filter((e) => (name === 'page' ? e.type === 'page' : e.type === 'track' && e.event === name));
}

/** The event's `context` as sent. */
export function contextOf(event: StoredEvent | undefined): Record<string, any> {
  return ((event?.payload as { context?: Record<string, unknown> } | undefined)?.context ?? {}) as Record<string, any>;
}

/** Options of {@link waitForNamed}. */
export interface NamedWait {
  anonymousId: string;
  /** Every one of these names must have arrived, at least `count` times each. */
  names: string[];
  count?: number;
  timeoutMs?: number;
}

/** Polls the collector until the shopper's events include each of `names` (`count` times); returns all of them. */
export function waitForNamed(collectorUrl: string, { anonymousId, names, count = 1, timeoutMs }: NamedWait): Promise<StoredEvent[]> {
  return waitForEvents(collectorUrl, {
    anonymousId,
    describe: `${names.join(', ')}${count > 1 ? ` ×${count}` : ''} of ${anonymousId}`,
    until: (events) => names.every((name) => named(events, name).length >= count),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

const CHECKPOINT = 'E2E Checkpoint';
let checkpoints = 0;

/**
 * Tracks a marker event from the page, flushes, and waits until it reached the collector;
 * returns every event of the shopper but the markers. The transport delivers one queue in
 * order, so whatever the page tracked before the marker has arrived too: a count taken
 * now is final without waiting for time to pass.
 */
export async function checkpoint(page: Page, collectorUrl: string, anonymousId: string): Promise<StoredEvent[]> {
  const n = ++checkpoints;
  await page.evaluate(([name, step]) => {
    const sdk = (window as any).sightline;
    sdk.track(name, { step });
    return sdk.flush();
  }, [CHECKPOINT, n] as const);
  const events = await waitForEvents(collectorUrl, {
    anonymousId,
    describe: `checkpoint ${n}`,
    until: (all) => all.some((e) => e.event === CHECKPOINT && props(e).step === n),
  });
  return events.filter((e) => e.event !== CHECKPOINT);
}

/** The raw JSON of every event the collector stored, from any shopper (for leak searches). */
export async function everythingStored(collectorUrl: string): Promise<string> {
  return JSON.stringify(await fetchEvents(collectorUrl)).toLowerCase();
}
