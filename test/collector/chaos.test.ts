// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { decideChaos } from '../../examples/collector/chaos';
import { post, trackEvent, useTestCollector } from './utils/harness';
import { randomSequence } from './utils/random';

describe('decideChaos', () => {
  it.each([
    ['passes when every rate is 0, drawing nothing', { failRate: 0, dropConnectionRate: 0 }, [], 'pass'],
    ['passes when the fail draw is above the rate', { failRate: 0.3, dropConnectionRate: 0 }, [0.5], 'pass'],
    ['answers 429 for a low status draw', { failRate: 0.3, dropConnectionRate: 0 }, [0.1, 0.1], 429],
    ['answers 500 for a middle status draw', { failRate: 0.3, dropConnectionRate: 0 }, [0.1, 0.4], 500],
    ['answers 503 for a high status draw', { failRate: 0.3, dropConnectionRate: 0 }, [0.1, 0.9], 503],
    ['drops before storing', { failRate: 1, dropConnectionRate: 0.5 }, [0.2, 0.7], 'drop'],
    ['drops after storing', { failRate: 1, dropConnectionRate: 0.5 }, [0.2, 0.3], 'drop-after-store'],
  ] as const)('%s', (_what, rates, draws, expected) => {
    const decision = decideChaos({ ...rates, random: randomSequence(...draws) });
    const outcome =
      decision.kind === 'fail' ? decision.failure.status : decision.kind === 'drop' && decision.afterStore ? 'drop-after-store' : decision.kind;
    expect(outcome).toBe(expected);
  });
});

describe('collector chaos mode', () => {
  const start = useTestCollector();

  it('answers 429 with Retry-After: 1 and stores nothing', async () => {
    const c = await start({ failRate: 0.5, random: randomSequence(0.1, 0.1) });
    const res = await post(`${c.url}/collect`, [trackEvent('Product Viewed')]);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.json.error.code).toBe('collector/rate-limited');
    expect(c.db.count()).toBe(0);
  });

  it('answers its 429s with the Retry-After it was given', async () => {
    const c = await start({ failRate: 0.5, retryAfterS: 5, random: randomSequence(0.1, 0.1) });
    const res = await post(`${c.url}/v1/batch`, { batch: [trackEvent('Product Viewed')] });
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '5']);
  });

  it.each([
    [0.4, 500, 'collector/internal'],
    [0.9, 503, 'collector/unavailable'],
  ])('answers a status draw of %s with %i %s', async (draw, status, code) => {
    const c = await start({ failRate: 0.5, random: randomSequence(0.1, draw) });
    const res = await post(`${c.url}/v1/batch`, { batch: [trackEvent('Product Viewed')] });
    expect([res.status, res.json.error.code]).toEqual([status, code]);
  });

  it('stores normally when the draw passes', async () => {
    const c = await start({ failRate: 0.5, random: randomSequence(0.7) });
    const res = await post(`${c.url}/collect`, [trackEvent('Product Viewed')]);
    expect(res.json).toMatchObject({ ok: true, stored: 1 });
  });

  it('destroys the socket unanswered, storing nothing, when the drop comes first', async () => {
    const c = await start({ dropConnectionRate: 0.5, random: randomSequence(0.1, 0.9) });
    await expect(post(`${c.url}/collect`, [trackEvent('Product Viewed')])).rejects.toThrow();
    expect(c.db.count()).toBe(0);
  });

  it('stores and then drops the answer, so the retry is a duplicate (lost acknowledgement)', async () => {
    const c = await start({ dropConnectionRate: 0.5, random: randomSequence(0.1, 0.1, 0.9) });
    const batch = [trackEvent('Product Viewed')];
    await expect(post(`${c.url}/collect`, batch)).rejects.toThrow();
    expect(c.db.count()).toBe(1);
    const retry = await post(`${c.url}/collect`, batch);
    expect(retry.json).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('delays ingestion answers by latencyMs', async () => {
    const c = await start({ latencyMs: 120 });
    const started = performance.now();
    await post(`${c.url}/collect`, [trackEvent('Product Viewed')]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('never touches the read API, the dashboard, health or preflights', async () => {
    const random = vi.fn(() => 0);
    const c = await start({ failRate: 1, dropConnectionRate: 1, latencyMs: 5_000, random });
    const started = performance.now();
    const answers = await Promise.all([
      fetch(`${c.url}/api/events`),
      fetch(`${c.url}/api/stats`),
      fetch(`${c.url}/healthz`),
      fetch(`${c.url}/`),
      fetch(`${c.url}/collect`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:1' } }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 204]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(random).not.toHaveBeenCalled();
  });
});
