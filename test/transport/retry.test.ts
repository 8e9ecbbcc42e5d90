import { describe, expect, it } from 'vitest';
import { TRANSPORT_ERRORS } from '../../src/transport';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { dispatchOnline } from '../utils/transport-page';
import { freshQueue, openTab } from '../utils/transport-tab';
import { turnsUntil } from '../utils/transport-turns';

const collector = useTransportCollector();

/** The messageIds a tab tracked, in order (read back from what the collector got or from the tab's events). */
const eventNames = () => collector.received.filter((r) => r.status < 300).flatMap((r) => r.body.batch.map((e) => e.event));

describe('retries', () => {
  // Math.random is left alone (msw draws request ids from it): the tests wait out the
  // longest delay full jitter can draw, min(cap, base·2^n), and check gaps against it.
  useTransportSpec();

  it('delivers every event exactly once when the collector fails five times with 500 first', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000, capMs: 60_000 } });
    collector.answer(500, 500, 500, 500, 500);
    for (let i = 0; i < 12; i++) tab.track(`e${i}`);
    await tab.flush();
    await elapse(1_000 + 2_000 + 4_000 + 8_000 + 16_000, 500);
    const ids = collector.delivered();
    expect(collector.received.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(tab.plugin.stats()).toMatchObject({ sent: 12, retried: 60, queued: 0, lastFlush: 'retry' });
    await tab.destroy();
  });

  it('waits at most base·2^n, capped at capMs, before attempt n', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000, capMs: 3_000 } });
    collector.answer(503, 503, 503, 503);
    tab.track('e');
    await tab.flush();
    const gaps: number[] = [];
    let last = 0;
    for (let t = 100; t <= 12_000 && collector.received.length < 5; t += 100) {
      const before = collector.received.length;
      await elapse(100);
      if (collector.received.length > before) gaps.push(t - last), (last = t);
    }
    expect(gaps).toHaveLength(4);
    // The clock moves in 100 ms steps, so a gap is measured up to 100 ms long.
    [1_000, 2_000, 3_000, 3_000].forEach((bound, n) => expect(gaps[n]).toBeLessThanOrEqual(bound + 100));
    await tab.destroy();
  });

  it.each([
    ['seconds', () => '30'],
    ['an HTTP date', () => new Date(Date.now() + 30_000).toUTCString()],
  ])('honours Retry-After given in %s on a 429', async (_, retryAfter) => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 100 } });
    collector.answer({ status: 429, headers: { 'Retry-After': retryAfter() } });
    tab.track('Checkout Started');
    await tab.flush();
    await elapse(29_000);
    expect(collector.received).toHaveLength(1);
    await elapse(1_000);
    expect(eventNames()).toEqual(['Checkout Started']);
    await tab.destroy();
  });

  it('splits a batch in halves on 413 and delivers both', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    collector.answer(413);
    for (let i = 0; i < 8; i++) tab.track(`e${i}`);
    await tab.flush();
    expect(collector.received.map((r) => [r.status, r.body.batch.length])).toEqual([
      [413, 8],
      [200, 4],
      [200, 4],
    ]);
    expect(eventNames()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    await tab.destroy();
  });

  it('retries only the half still to send when the other half of a 413 was delivered', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000 } });
    collector.answer(413, 200, 500);
    for (let i = 0; i < 8; i++) tab.track(`e${i}`);
    await tab.flush();
    expect(tab.plugin.stats()).toMatchObject({ sent: 4, queued: 4, retried: 4 });
    await elapse(1_000);
    expect(collector.received.map((r) => [r.status, r.body.batch.length])).toEqual([
      [413, 8],
      [200, 4],
      [500, 4],
      [200, 4],
    ]);
    expect(eventNames()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(tab.plugin.stats()).toMatchObject({ sent: 8, queued: 0, retried: 4, inFlight: 0 });
    await tab.destroy();
  });

  it('neither sends nor reports again a half the collector rejected while the other half is retried', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000 } });
    collector.answer(413, 400, 500);
    for (let i = 0; i < 8; i++) tab.track(`e${i}`);
    await tab.flush();
    await elapse(1_000);
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event).join()])).toEqual([
      [413, 'e0,e1,e2,e3,e4,e5,e6,e7'],
      [400, 'e0,e1,e2,e3'],
      [500, 'e4,e5,e6,e7'],
      [200, 'e4,e5,e6,e7'],
    ]);
    expect(tab.errors.filter((e) => e.code === TRANSPORT_ERRORS.rejected)).toHaveLength(1);
    expect(tab.plugin.stats()).toMatchObject({ sent: 4, queued: 0, dropped: { [TRANSPORT_ERRORS.rejected]: 4 } });
    await tab.destroy();
  });

  it('keeps what is left of a half-sent batch for the next page when the page reloads during the backoff', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name }, retry: { baseMs: 60_000 } });
    collector.answer(413, 200, 500);
    for (let i = 0; i < 8; i++) tab.track(`e${i}`);
    await tab.flush();
    await tab.destroy();
    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(eventNames()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    await next.destroy();
  });

  it('drops a single event the collector still finds too large (413), with a code', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    collector.answer(413);
    tab.track('Huge');
    await tab.flush();
    expect(tab.errors).toContainEqual(expect.objectContaining({ code: TRANSPORT_ERRORS.rejected, detail: { events: 1, status: 413 } }));
    await tab.destroy();
  });

  it('drops a batch the collector rejects with 400, reports it with its status, and sends the rest', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 5 } });
    collector.answer(400);
    for (let i = 0; i < 10; i++) tab.track(`e${i}`);
    await tab.flush();
    await elapse(10_000);
    expect(collector.received.map((r) => r.status)).toEqual([400, 200]);
    expect(eventNames()).toEqual(['e5', 'e6', 'e7', 'e8', 'e9']);
    expect(tab.errors).toEqual([
      expect.objectContaining({ code: TRANSPORT_ERRORS.rejected, source: 'network', detail: { events: 5, status: 400 } }),
    ]);
    expect(tab.plugin.stats().dropped).toEqual({ [TRANSPORT_ERRORS.rejected]: 5 });
    await tab.destroy();
  });

  it('sends at once when the browser comes back online, without waiting for the backoff', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 60_000 } });
    collector.answer({ status: 0, error: true });
    tab.track('Offline Add');
    await tab.flush();
    expect(tab.plugin.stats()).toMatchObject({ retried: 1, sent: 0 });
    dispatchOnline();
    await settle();
    expect(eventNames()).toEqual(['Offline Add']);
    expect(tab.plugin.stats().lastFlush).toBe('online');
    await tab.destroy();
  });

  it.each([
    ['the browser comes back online', 'online', () => dispatchOnline()],
    ['the page calls flush()', 'manual', (tab: { flush(): Promise<void> }) => void tab.flush()],
  ])('sends again at once when %s while a request that then fails is under way', async (_, reason, ask) => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 300_000, capMs: 300_000 } });
    tab.track('Offline Add');
    await settle();
    collector.answer({ status: 0, error: true, delayMs: 200 });
    void tab.flush();
    await turnsUntil(() => tab.plugin.stats().inFlight === 1);
    ask(tab); // asked while the request is under way; it fails a moment later
    await elapse(200);
    expect(eventNames()).toEqual(['Offline Add']);
    expect(tab.plugin.stats()).toMatchObject({ retried: 1, sent: 1, lastFlush: reason });
    await tab.destroy();
  });

  it('waits for the backoff with a count flush that came while a request that then fails was under way', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 2 }, retry: { baseMs: 300_000, capMs: 300_000 } });
    collector.answer({ status: 500, delayMs: 200 });
    tab.track('a');
    tab.track('b'); // a count flush
    await turnsUntil(() => tab.plugin.stats().inFlight === 2);
    tab.track('c');
    tab.track('d'); // a count flush, asked for during the request
    await elapse(1_000);
    expect(collector.received.map((r) => r.status)).toEqual([500]);
    await tab.destroy();
  });

  it('aborts a request after timeoutMs and retries it', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, timeoutMs: 5_000, retry: { baseMs: 1_000 } });
    collector.answer({ status: 0, hang: true });
    tab.track('Slow');
    void tab.flush();
    await settle(); // the request is in flight at t=0
    await elapse(5_000);
    expect(tab.plugin.stats().retried).toBe(1);
    await elapse(1_000);
    expect(eventNames()).toEqual(['Slow']);
    await tab.destroy();
  });
});
