import { describe, expect, it } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { dispatchOnline } from '../utils/transport-page';
import { freshQueue, openTab } from '../utils/transport-tab';
import { turnsUntil } from '../utils/transport-turns';

// The flush controller lives in the collector's closure: these specs drive it through a
// tab and read its decisions from the requests and from stats().lastFlush.
const collector = useTransportCollector();
const sizes = () => collector.received.map((r) => r.body.batch.length);
/** A 503 whose Retry-After makes the backoff exactly `seconds` long. */
const unavailableFor = (seconds: number) => ({ status: 503, headers: { 'Retry-After': String(seconds) } });

describe('flush controller', () => {
  useTransportSpec();

  it('flushes for count when maxEvents events were stored', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 3, intervalMs: 60_000 } });
    tab.track('a');
    tab.track('b');
    await settle();
    expect(sizes()).toEqual([]);
    tab.track('c');
    await settle();
    expect(sizes()).toEqual([3]);
    expect(tab.plugin.stats().lastFlush).toBe('count');
    await tab.destroy();
  });

  it('flushes for bytes when maxBytes were stored', async () => {
    // Each event weighs 5–6 KB: one stays under 8 KB, two pass it.
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxBytes: 8_000, intervalMs: 60_000 } });
    tab.track('a', { pad: 'x'.repeat(4_500) });
    await settle();
    expect(sizes()).toEqual([]);
    tab.track('b', { pad: 'x'.repeat(4_500) });
    await settle();
    expect(tab.plugin.stats().lastFlush).toBe('bytes');
    expect(collector.delivered()).toHaveLength(2);
    await tab.destroy();
  });

  it('flushes for timer intervalMs after the first stored event, once', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { intervalMs: 2_000 } });
    tab.track('a');
    await settle(); // stored at t=0
    await elapse(1_000);
    tab.track('b');
    await settle();
    await elapse(900);
    expect(sizes()).toEqual([]);
    await elapse(100);
    expect(sizes()).toEqual([2]);
    expect(tab.plugin.stats().lastFlush).toBe('timer');
    await tab.flush(); // lastFlush is 'manual' unless another timer flush comes
    await elapse(10_000);
    expect(sizes()).toEqual([2]);
    expect(tab.plugin.stats().lastFlush).toBe('manual');
    await tab.destroy();
  });

  it('counts afresh after each flush', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 3, intervalMs: 60_000 } });
    for (const name of ['a', 'b', 'c']) tab.track(name);
    await settle();
    for (const name of ['d', 'e']) tab.track(name);
    await settle();
    expect(sizes()).toEqual([3]);
    await tab.destroy();
  });

  it('holds count, bytes and timer flushes during a backoff, then flushes for retry', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 3, maxBytes: 1_000, intervalMs: 2_000 } });
    collector.answer(unavailableFor(5));
    tab.track('a');
    await tab.flush(); // t=0: 503, the retry is 5 s away
    for (let i = 0; i < 10; i++) tab.track(`e${i}`, { pad: 'x'.repeat(200) });
    await settle();
    await elapse(4_900);
    expect(collector.received.map((r) => r.status)).toEqual([503]);
    await elapse(100);
    expect(tab.plugin.stats().lastFlush).toBe('retry');
    expect(collector.delivered()).toHaveLength(11);
    await tab.destroy();
  });

  it('forgets the backoff on resume() (the network came back)', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 3, intervalMs: 60_000 } });
    collector.answer(unavailableFor(5));
    tab.track('a');
    await tab.flush();
    dispatchOnline();
    await settle();
    for (const name of ['b', 'c', 'd']) tab.track(name);
    await settle();
    expect(tab.plugin.stats().lastFlush).toBe('count');
    await elapse(10_000);
    expect(tab.plugin.stats().lastFlush).toBe('count'); // no retry came
    expect(collector.received.map((r) => r.status)).toEqual([503, 200, 200]);
    await tab.destroy();
  });

  it('arms nothing more after stop() (client.destroy())', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { intervalMs: 2_000 } });
    collector.answer(unavailableFor(1));
    tab.track('a');
    await tab.flush(); // a retry is 1 s away
    const stored = await openTab({ queue: { name: freshQueue() }, batch: { intervalMs: 2_000 } });
    stored.track('b');
    await settle(); // its timer is 2 s away
    await Promise.all([tab.destroy(), stored.destroy()]);
    await elapse(10_000);
    expect(collector.received.map((r) => r.status)).toEqual([503]);
  });

  it('leaves no retry behind when the request under way at client.destroy() fails', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000 } });
    tab.track('a');
    await settle();
    collector.answer({ status: 500, delayMs: 300 });
    void tab.flush();
    await turnsUntil(() => tab.plugin.stats().inFlight === 1);
    const destroyed = tab.destroy();
    await elapse(300);
    await destroyed;
    await elapse(10_000);
    expect(collector.received.map((r) => r.status)).toEqual([500]);
  });

  it('stores what was tracked just before client.destroy() and sends it with the next client, not from a timer', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    tab.track('late');
    await tab.destroy();
    await elapse(10_000);
    expect(collector.received).toEqual([]);
    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.delivered()).toHaveLength(1);
    await next.destroy();
  });
});
