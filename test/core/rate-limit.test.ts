import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RATE_WINDOW_MS } from '../../src/core/rate-limit';
import type { LifecycleMap } from '../../src/types';
import { clearBrowserState, createHarness } from '../utils/core-harness';

beforeEach(() => {
  clearBrowserState();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

const burst = (track: (name: string) => void, name: string, count: number): void => {
  for (let i = 0; i < count; i++) track(name);
};

describe('the per-name rate limit', () => {
  it('lets 50 events of one name through in 10 s and drops the rest', async () => {
    const h = createHarness();
    burst((n) => h.client.track(n), 'Loop', 80);
    await h.settle();
    expect(h.events).toHaveLength(50);
  });

  it('fires drop for every refused event', async () => {
    const h = createHarness();
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    burst((n) => h.client.track(n), 'Loop', 53);
    expect(drops).toEqual([0, 1, 2].map(() => ({ reason: 'input/rate-limited', event: undefined })));
  });

  it('reports the dropped count once, when the window closes', async () => {
    const h = createHarness();
    burst((n) => h.client.track(n), 'Loop', 80);
    expect(h.codes()).toEqual([]);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(h.errors).toEqual([
      { code: 'input/rate-limited', source: 'input', message: expect.any(String), detail: { event: 'Loop', dropped: 30 } },
    ]);
  });

  it('counts each name apart', async () => {
    const h = createHarness();
    burst((n) => h.client.track(n), 'A', 60);
    burst((n) => h.client.track(n), 'B', 10);
    await h.settle();
    expect(h.events.filter((e) => e.event == 'B')).toHaveLength(10);
  });

  it('refills over time, so a steady pace below the rate is never dropped', async () => {
    const h = createHarness();
    for (let i = 0; i < 200; i++) {
      h.client.track('Steady');
      vi.advanceTimersByTime(RATE_WINDOW_MS / 40);
    }
    await h.settle();
    expect(h.events).toHaveLength(200);
    expect(h.errors).toEqual([]);
  });

  it('reports again for a later flood, once per window', async () => {
    const h = createHarness();
    burst((n) => h.client.track(n), 'Loop', 60);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    burst((n) => h.client.track(n), 'Loop', 70);
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(h.errors.map((e) => e.detail?.dropped)).toEqual([10, 20]);
  });

  it('limits page and identify calls by type', async () => {
    const h = createHarness({ limits: { ratePerName: 3 } });
    burst(() => h.client.page(), '', 5);
    burst(() => h.client.identify('u1'), '', 5);
    await h.settle();
    expect(h.events.map((e) => e.type)).toEqual(['page', 'page', 'page', 'identify', 'identify', 'identify']);
  });

  it('takes the rate from limits.ratePerName, and 0 turns it off', async () => {
    const few = createHarness({ limits: { ratePerName: 2 } });
    const off = createHarness({ limits: { ratePerName: 0 } });
    burst((n) => few.client.track(n), 'X', 5);
    burst((n) => off.client.track(n), 'X', 500);
    await Promise.all([few.settle(), off.settle()]);
    expect([few.events.length, off.events.length]).toEqual([2, 500]);
  });

  it('cancels a pending report on destroy', async () => {
    const h = createHarness();
    burst((n) => h.client.track(n), 'Loop', 60);
    await h.client.destroy();
    vi.advanceTimersByTime(RATE_WINDOW_MS);
    expect(h.errors).toEqual([]);
  });
});
