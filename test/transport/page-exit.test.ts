import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { settle, useTransportClock } from '../utils/transport-clock';
import { dispatchPageHide, dispatchVisibilityChange, microtasksUntil, spyOnBeacon } from '../utils/transport-page';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();
const KEEPALIVE_BYTES = 64 * 1024;

describe('page exit', () => {
  beforeEach(useTransportClock);
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('beacons what fits in 64 KiB, saves the rest synchronously, and the next page delivers it: all once', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    // A click handler tracks 300 events (~0.9 KB each, ~270 KB) and navigates away.
    for (let i = 0; i < 300; i++) page.track(`Impression ${i}`, { pad: 'x'.repeat(500) });
    await microtasksUntil(() => page.plugin.stats().queued === 300);
    dispatchPageHide();

    // Synchronously: beacons within the budget, the rest in localStorage.
    expect(beacon.calls.length).toBeGreaterThan(0);
    expect(beacon.calls.reduce((n, c) => n + c.bytes, 0)).toBeLessThanOrEqual(KEEPALIVE_BYTES);
    const saved = JSON.parse(localStorage.getItem(`${name}:q`) ?? '[]') as unknown[];
    expect(saved.length).toBeGreaterThan(0);
    await page.destroy();

    const next = await openTab({ queue: { name } });
    await next.flush();
    const ids = collector.delivered();
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(localStorage.getItem(`${name}:q`)).toBeNull();
    await next.destroy();
  });

  it('beacons, in the same task, events that later pagehide listeners track (page leave)', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    // Registered after the SDK's own listener, as capture plugins' are.
    const leave = () => page.track('Page Left', { engagedMs: 1234 });
    window.addEventListener('pagehide', leave);
    dispatchPageHide();
    window.removeEventListener('pagehide', leave);
    await microtasksUntil(() => beacon.calls.length > 0);
    await page.destroy();
    await settle();
    expect(collector.received.flatMap((r) => r.body.batch.map((e) => e.event))).toEqual(['Page Left']);
  });

  it('sends events already stored with a keepalive fetch when the tab is hidden', async () => {
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('Product Added');
    await settle(); // durable in IndexedDB
    dispatchVisibilityChange('hidden');
    await settle();
    expect(beacon.calls).toHaveLength(0);
    expect(collector.delivered()).toHaveLength(1);
    expect(tab.plugin.stats().lastFlush).toBe('page-exit');
    await tab.destroy();
  });

  it('uses fetch keepalive instead of a beacon when the request needs headers', async () => {
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() }, headers: { 'X-Shop': 'demo' } });
    tab.track('Order Completed');
    await microtasksUntil(() => tab.plugin.stats().queued === 1);
    dispatchPageHide();
    await settle();
    expect(beacon.calls).toHaveLength(0);
    expect(collector.received.map((r) => r.headers.get('x-shop'))).toEqual(['demo']);
    await tab.destroy();
  });
});
