// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { percentile } from '../../examples/collector/percentile';
import { getJson, nestedObject, post, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

describe('percentile (nearest rank)', () => {
  const tenValues = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    [tenValues, 50, 5],
    [tenValues, 75, 8],
    [tenValues, 95, 10],
    [[42], 95, 42],
    [[1, 2], 50, 1],
    [[], 50, null],
  ])('percentile(%j, %i) is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('GET /api/stats', () => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector();
  });
  afterEach(() => collector.stop());

  const send = (batch: Record<string, unknown>[]) => post(`${collector.url}/collect`, { batch });
  const stats = () => getJson(`${collector.url}/api/stats`);
  /** One visitor per entry (a0, a1, …), each reaching the first `depth` funnel steps. */
  const visitorsReaching = (reach: number[]) =>
    reach.flatMap((depth, v) =>
      ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed']
        .slice(0, depth)
        .map((name) => trackEvent(name, { anonymousId: `a${v}`, properties: { revenue: 10 } })),
    );

  it('counts events by type and by event name, and unique anonymousIds', async () => {
    await send([
      trackEvent('Product Viewed', { anonymousId: 'a' }),
      trackEvent('Product Viewed', { anonymousId: 'b' }),
      { type: 'page', messageId: 'p', anonymousId: 'a' },
    ]);
    expect(await stats()).toMatchObject({
      total: 3,
      uniqueAnonymousIds: 2,
      byType: { track: 2, page: 1 },
      byEvent: { 'Product Viewed': 2 },
    });
  });

  it('reports funnel visitors, events and step-to-step and overall conversion', async () => {
    // 4 viewers, 2 add, 2 start checkout, 1 orders; a0 viewed twice.
    await send([...visitorsReaching([4, 3, 1, 1]), trackEvent('Product Viewed', { anonymousId: 'a0' })]);
    const { funnel } = await stats();
    expect(funnel.steps).toEqual([
      { event: 'Product Viewed', events: 5, visitors: 4, rate: null },
      { event: 'Product Added', events: 2, visitors: 2, rate: 0.5 },
      { event: 'Checkout Started', events: 2, visitors: 2, rate: 1 },
      { event: 'Order Completed', events: 1, visitors: 1, rate: 0.5 },
    ]);
    expect(funnel.overall).toBe(0.25);
  });

  it('reports null rates when a step has no visitors', async () => {
    const { funnel } = await stats();
    expect(funnel.steps.map((s: { rate: number | null }) => s.rate)).toEqual([null, null, null, null]);
    expect(funnel.overall).toBeNull();
  });

  it('averages order value from revenue, falling back to total', async () => {
    await send([
      trackEvent('Order Completed', { properties: { revenue: 100 } }),
      trackEvent('Order Completed', { properties: { total: 50, revenue: null } }),
      trackEvent('Order Completed', { properties: { revenue: '30' } }),
      trackEvent('Order Completed', { properties: { note: 'no amount' } }),
    ]);
    expect((await stats()).averageOrderValue).toEqual({ orders: 3, revenue: 180, value: 60 });
  });

  it('reports web-vitals p50/p75/p95 per metric from both event names and property spellings', async () => {
    const lcp = [1200, 1500, 1800, 2100, 2400, 2600, 3000, 3500, 4200, 6000];
    await send([
      ...lcp.map((value, i) => trackEvent(i % 2 ? 'Web Vitals' : 'Web Vital', { properties: i % 2 ? { name: 'LCP', value } : { metric: 'LCP', value } })),
      trackEvent('Web Vitals', { properties: { name: 'CLS', value: 0.02 } }),
      trackEvent('Web Vitals', { properties: { name: 'INP', value: 'not a number' } }),
    ]);
    const { webVitals } = await stats();
    expect(webVitals).toEqual({
      LCP: { count: 10, p50: 2400, p75: 3500, p95: 6000 },
      CLS: { count: 1, p50: 0.02, p75: 0.02, p95: 0.02 },
    });
  });

  it.each(['Order Completed', 'Web Vitals', 'Web Vital'])('answers 200, counting no amount or sample, for a "%s" event whose `properties` is not an object', async (name) => {
    await send([trackEvent(name, { properties: 'hello' }), trackEvent(name, { properties: [1, 2] })]);
    const res = await fetch(`${collector.url}/api/stats`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ averageOrderValue: { orders: 0, revenue: 0, value: null }, webVitals: {} });
  });

  it('does not read a string `properties` that holds JSON as an order amount', async () => {
    await send([trackEvent('Order Completed', { properties: '{"revenue":1000000}' })]);
    expect((await stats()).averageOrderValue).toEqual({ orders: 0, revenue: 0, value: null });
  });

  it("counts an order stored nested deeper than SQLite's JSON functions read (1,000 levels)", async () => {
    // Stored directly: ingestion refuses an event this deep, but an older events.db may hold one.
    const raw = trackEvent('Order Completed', { properties: { revenue: 10, cart: nestedObject(1_100) } });
    collector.db.insertBatch([{ messageId: String(raw.messageId), type: 'track', raw }], { format: 'native', receivedAt: Date.now() });
    expect((await stats()).averageOrderValue).toEqual({ orders: 1, revenue: 10, value: 10 });
  });
});
