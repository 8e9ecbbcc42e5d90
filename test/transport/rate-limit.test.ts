import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RATE_WINDOW_MS } from '../../src/transport/constants';
import { createRateLimit } from '../../src/transport/rate-limit';
import type { LifecycleMap, SightlineError } from '../../src/types';
import { memoryDestination } from '../utils/core-harness';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { useTransportCollector } from '../utils/transport-collector';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();

/** Calls `admit(name, time)` `count` times; returns how many were admitted. */
const burst = (admit: (name: string, time: number) => boolean, name: string, count: number, time = 0): number => {
  let admitted = 0;
  for (let i = 0; i < count; i++) admitted += +admit(name, time);
  return admitted;
};

describe('the per-name token bucket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('admits `rate` events of one name at once and refuses the rest', () => {
    expect(burst(createRateLimit(50, () => {}), 'Loop', 80)).toBe(50);
  });

  it('counts each name apart', () => {
    const admit = createRateLimit(50, () => {});
    burst(admit, 'A', 60);
    expect(burst(admit, 'B', 10)).toBe(10);
  });

  it('refills continuously, so a steady pace below the rate is never refused', () => {
    const admit = createRateLimit(50, () => {});
    const admitted = Array.from({ length: 200 }, (_, i) => admit('Steady', (i * RATE_WINDOW_MS) / 40));
    expect(admitted.every(Boolean)).toBe(true);
  });

  it('refills nothing for a time earlier than the last one', () => {
    const admit = createRateLimit(2, () => {});
    burst(admit, 'X', 2, 5_000);
    expect(admit('X', 0)).toBe(false);
    expect(admit('X', 5_000 + RATE_WINDOW_MS / 2)).toBe(true);
  });

  it('reports the refused count once, when the window closes', () => {
    const report = vi.fn();
    burst(createRateLimit(50, report), 'Loop', 80);
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(report.mock.calls).toEqual([['Loop', 30]]);
  });

  it('reports again for a later flood, once per window', () => {
    const report = vi.fn();
    const admit = createRateLimit(50, report);
    burst(admit, 'Loop', 60);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    burst(admit, 'Loop', 70, RATE_WINDOW_MS);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(report.mock.calls.map(([, dropped]) => dropped)).toEqual([10, 20]);
  });

  it('admits everything with a rate of 0', () => {
    const report = vi.fn();
    expect(burst(createRateLimit(0, report), 'X', 500)).toBe(500);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(report).not.toHaveBeenCalled();
  });
});

describe('the collector rate limit', () => {
  useTransportSpec();

  /** A tab whose collector limits at `ratePerName` (undefined: the default), with every error and drop it saw. */
  async function limitedTab(ratePerName: number | undefined, core = {}) {
    // `ratePerName: undefined` overrides the test tabs' 0, so the collector's default applies.
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 1000 }, ratePerName }, core);
    const errors: SightlineError[] = [];
    const drops: LifecycleMap['drop'][] = [];
    const after = memoryDestination('after');
    tab.client.onError((e) => errors.push(e));
    tab.client.on('drop', (d) => drops.push(d));
    await tab.client.use(after);
    return { tab, errors, drops, events: after.events };
  }

  it('stores and sends 50 events of one name per 10 s by default, never the rest', async () => {
    const { tab } = await limitedTab(undefined);
    for (let i = 0; i < 80; i++) tab.track('Loop');
    await settle();
    expect(tab.plugin.stats().queued).toBe(50);
    await tab.flush();
    expect(collector.delivered()).toHaveLength(50);
    await tab.destroy();
  });

  it('drops a refused event before any other plugin sees it, firing drop', async () => {
    const { tab, drops, events } = await limitedTab(2);
    for (let i = 0; i < 3; i++) tab.track('Loop');
    await tab.flush();
    expect(events).toHaveLength(2);
    expect(drops).toEqual([{ event: expect.objectContaining({ event: 'Loop' }), reason: 'plugin', plugin: 'sightline-collector' }]);
    await tab.destroy();
  });

  it('reports input/rate-limited once per window, with the name and the count', async () => {
    const { tab, errors } = await limitedTab(undefined);
    for (let i = 0; i < 80; i++) tab.track('Loop');
    await tab.flush();
    expect(errors).toEqual([]);
    await elapse(RATE_WINDOW_MS);
    expect(errors).toEqual([{ code: 'input/rate-limited', source: 'input', message: expect.any(String), detail: { event: 'Loop', dropped: 30 } }]);
    await tab.destroy();
  });

  it('limits page, identify and alias calls by type', async () => {
    const { tab, events } = await limitedTab(3);
    for (let i = 0; i < 5; i++) tab.client.page(), tab.client.identify('u1'), tab.client.alias('u2');
    await tab.flush();
    expect(events.map((e) => e.type).sort()).toEqual(['alias', 'alias', 'alias', 'identify', 'identify', 'identify', 'page', 'page', 'page']);
    await tab.destroy();
  });

  it('counts events held for consent at the time they were called', async () => {
    const { tab, events } = await limitedTab(undefined, { consent: { default: 'denied' } });
    for (let i = 0; i < 80; i++) tab.track('Viewed'), vi.advanceTimersByTime(1000);
    tab.client.consent.update({ analytics: true });
    await tab.flush();
    expect(events).toHaveLength(80);
    await tab.destroy();
  });

  it('admits everything with ratePerName 0', async () => {
    const { tab, events } = await limitedTab(0);
    for (let i = 0; i < 500; i++) tab.track('X');
    await tab.flush();
    expect(events).toHaveLength(500);
    await tab.destroy();
  });

  it('reports nothing once the client is destroyed', async () => {
    const { tab, errors } = await limitedTab(undefined);
    for (let i = 0; i < 60; i++) tab.track('Loop');
    await tab.destroy();
    await elapse(RATE_WINDOW_MS);
    expect(errors).toEqual([]);
  });
});
