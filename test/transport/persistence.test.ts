import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_ERRORS, TRANSPORT_ERRORS } from '../../src/transport';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { breakIndexedDb, breakLocalStorage } from '../utils/transport-store';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();
const names = () => collector.received.filter((r) => r.status < 300).flatMap((r) => r.body.batch.map((e) => e.event));

describe('the persisted queue', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it('resumes on the next page (a new client over the same stores) what the last one could not send', async () => {
    const name = freshQueue();
    const first = await openTab({ queue: { name } });
    collector.answer(503);
    first.track('Cart Viewed');
    first.track('Checkout Started');
    await first.flush();
    await first.destroy();
    expect(names()).toEqual([]);

    const next = await openTab({ queue: { name } });
    expect(names()).toEqual(['Cart Viewed', 'Checkout Started']);
    expect(next.plugin.stats().lastFlush).toBe('start');
    await next.destroy();
  });

  it('falls back to localStorage when IndexedDB throws, and reports the downgrade once', async () => {
    breakIndexedDb();
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('a');
    await tab.flush();
    tab.track('b');
    await tab.flush();
    expect(names()).toEqual(['a', 'b']);
    expect(tab.plugin.stats().storage).toBe('localstorage');
    expect(tab.errors.filter((e) => e.code === STORAGE_ERRORS.downgraded)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ from: 'indexeddb', to: 'localstorage' }) }),
    ]);
    await tab.destroy();
  });

  it('keeps delivering from memory when IndexedDB and localStorage both throw', async () => {
    breakIndexedDb();
    breakLocalStorage();
    const tab = await openTab({ queue: { name: freshQueue() } });
    for (let i = 0; i < 3; i++) tab.track(`e${i}`);
    await tab.flush();
    tab.track('e3');
    await elapse(2_000);
    expect(names()).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(tab.plugin.stats().storage).toBe('memory');
    const downgrades = tab.errors.filter((e) => e.code === STORAGE_ERRORS.downgraded).map((e) => e.detail);
    expect(downgrades).toEqual([
      expect.objectContaining({ from: 'indexeddb', to: 'localstorage' }),
      expect.objectContaining({ from: 'localstorage', to: 'memory' }),
    ]);
    await tab.destroy();
  });

  it.each([
    ['events', { maxEvents: 5 }],
    // Events of ~5.5–6.5 KB (5,000 padding characters plus the envelope): five fit, six do not.
    ['bytes', { maxBytes: 32_500 }],
  ])('drops the oldest past the bound in %s, and reports how many', async (_, bound) => {
    const tab = await openTab({ queue: { name: freshQueue(), ...bound }, batch: { intervalMs: 60_000 } });
    // One event per task, so each is its own chunk (the queue drops whole chunks).
    for (let i = 0; i < 8; i++) {
      tab.track(`e${i}`, { pad: 'x'.repeat(5_000) });
      await settle();
    }
    await tab.flush();
    expect(names()).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
    expect(tab.errors).toEqual([expect.objectContaining({ code: TRANSPORT_ERRORS.queueOverflow, detail: { events: 3 } })]);
    expect(tab.plugin.stats().dropped).toEqual({ [TRANSPORT_ERRORS.queueOverflow]: 3 });
    await tab.destroy();
  });
});
