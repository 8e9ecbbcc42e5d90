// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingEvent } from '../../examples/collector/batch';
import { getJson, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

const T0 = Date.parse('2024-06-01T12:00:00.000Z');
const MINUTE = 60_000;

/** Stores an event with a chosen receive time (the HTTP path always uses "now"). */
function storeAt(collector: TestCollector, minutes: number, raw: Record<string, unknown>): void {
  const incoming = { messageId: raw.messageId, type: raw.type, raw } as IncomingEvent;
  collector.db.insertBatch([incoming], { format: 'native', receivedAt: T0 + minutes * MINUTE });
}

const names = (body: { events: { messageId: string }[] }) => body.events.map((e) => e.messageId);

describe('GET /api/events', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
    storeAt(collector, 0, trackEvent('Product Viewed', { messageId: 'e0', anonymousId: 'a1' }));
    storeAt(collector, 1, trackEvent('Product Added', { messageId: 'e1', anonymousId: 'a1' }));
    storeAt(collector, 2, { type: 'page', name: 'Cart', messageId: 'e2', anonymousId: 'a2', context: { session: { id: 's2' } } });
    storeAt(collector, 3, trackEvent('Product Viewed', { messageId: 'e3', anonymousId: 'a2', context: { session: { id: 's2' } } }));
  });
  afterAll(() => collector.stop());

  const list = (query = '') => getJson(`${collector.url}/api/events${query}`);

  it('lists newest first by default', async () => {
    expect(names(await list())).toEqual(['e3', 'e2', 'e1', 'e0']);
  });

  it('lists oldest first with order=asc', async () => {
    expect(names(await list('?order=asc'))).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it.each([
    ['type', '?type=page', ['e2']],
    ['event name', '?event=Product%20Viewed', ['e3', 'e0']],
    ['anonymousId', '?anonymousId=a1', ['e1', 'e0']],
    ['sessionId', '?sessionId=s2', ['e3', 'e2']],
    ['since (ISO)', `?since=${new Date(T0 + 2 * MINUTE).toISOString()}`, ['e3', 'e2']],
    ['until (epoch ms)', `?until=${T0 + MINUTE}`, ['e1', 'e0']],
    ['since and until', `?since=${T0 + MINUTE}&until=${T0 + 2 * MINUTE}`, ['e2', 'e1']],
    ['several filters at once', '?event=Product%20Viewed&anonymousId=a2', ['e3']],
    ['limit', '?limit=2', ['e3', 'e2']],
  ])('filters by %s', async (_what, query, expected) => {
    expect(names(await list(query))).toEqual(expected);
  });

  it('returns the count next to the events', async () => {
    expect((await list('?limit=3')).count).toBe(3);
  });

  it.each([
    ['a non-numeric limit', '?limit=ten'],
    ['a zero limit', '?limit=0'],
    ['an unparseable since', '?since=yesterday'],
    ['an unknown order', '?order=random'],
  ])('answers 400 collector/invalid-query for %s', async (_what, query) => {
    const res = await fetch(`${collector.url}/api/events${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('collector/invalid-query');
  });
});

describe('GET /api/events limits', () => {
  it('defaults to 100 events and caps limit at 1000', async () => {
    const collector = await startTestCollector();
    try {
      const batch = Array.from({ length: 1_100 }, (_, i) => {
        const raw = trackEvent('Bulk', { messageId: `bulk-${i}` });
        return { messageId: raw.messageId, type: 'track', raw } as IncomingEvent;
      });
      collector.db.insertBatch(batch, { format: 'native', receivedAt: T0 });
      expect((await getJson(`${collector.url}/api/events`)).count).toBe(100);
      expect((await getJson(`${collector.url}/api/events?limit=5000`)).count).toBe(1000);
    } finally {
      await collector.stop();
    }
  });
});

describe('DELETE /api/events', () => {
  it('removes every event and resets the duplicate counter', async () => {
    const collector = await startTestCollector();
    try {
      storeAt(collector, 0, trackEvent('Product Viewed', { messageId: 'd0' }));
      storeAt(collector, 0, trackEvent('Product Viewed', { messageId: 'd0' }));
      const res = await fetch(`${collector.url}/api/events`, { method: 'DELETE' });
      expect(await res.json()).toEqual({ ok: true, deleted: 1 });
      expect(await getJson(`${collector.url}/api/stats`)).toMatchObject({ total: 0, duplicates: 0 });
    } finally {
      await collector.stop();
    }
  });
});
