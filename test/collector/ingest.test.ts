// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getJson, post, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

describe('collector ingestion', () => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector();
  });
  afterEach(() => collector.stop());

  it('stores a segment batch posted to /v1/batch and reports the counts', async () => {
    const batch = [trackEvent('Product Viewed'), trackEvent('Product Added')];
    const res = await post(`${collector.url}/v1/batch`, { batch, sentAt: new Date().toISOString() });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, received: 2, stored: 2, duplicates: 0 });
    expect(collector.db.count()).toBe(2);
  });

  it.each(['/v1/native', '/collect'])('stores a native batch posted to %s', async (path) => {
    const res = await post(`${collector.url}${path}`, { batch: [trackEvent('Product Viewed')], sentAt: 'x', writeKey: 'k' });
    expect(res.json).toEqual({ ok: true, received: 1, stored: 1, duplicates: 0 });
    expect(collector.db.events()[0]?.format).toBe('native');
  });

  it('accepts a bare array of events on the native endpoints', async () => {
    const res = await post(`${collector.url}/collect`, [trackEvent('Product Viewed'), trackEvent('Cart Viewed')]);
    expect(res.json).toMatchObject({ ok: true, stored: 2 });
  });

  it('refuses a bare array on the segment endpoint, which needs { batch }', async () => {
    const res = await post(`${collector.url}/v1/batch`, [trackEvent('Product Viewed')]);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('collector/invalid-shape');
  });

  it('accepts text/plain bodies, as sendBeacon sends them', async () => {
    const res = await post(`${collector.url}/collect`, { batch: [trackEvent('Order Completed')] }, { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.json).toMatchObject({ ok: true, stored: 1 });
  });

  it('accepts a gzip body with Content-Encoding: gzip', async () => {
    const body = gzipSync(JSON.stringify({ batch: [trackEvent('Product Viewed'), trackEvent('Product Added')] }));
    const res = await post(`${collector.url}/v1/batch`, new Uint8Array(body), { 'Content-Encoding': 'gzip' });
    expect(res.json).toEqual({ ok: true, received: 2, stored: 2, duplicates: 0 });
  });

  it('indexes type, name, ids, session id, timestamp and keeps the full JSON', async () => {
    const event = trackEvent('Product Viewed', { userId: 'u-9', properties: { sku: 'A1' } });
    await post(`${collector.url}/v1/batch`, { batch: [event], sentAt: '2024-05-01T10:00:00.000Z' });
    const { events } = await getJson(`${collector.url}/api/events`);
    expect(events[0]).toMatchObject({
      messageId: event.messageId,
      type: 'track',
      event: 'Product Viewed',
      anonymousId: 'anon-1',
      userId: 'u-9',
      sessionId: 'session-1',
      timestamp: event.timestamp,
      sentAt: '2024-05-01T10:00:00.000Z',
      format: 'segment',
      payload: event,
    });
    expect(Date.parse(events[0].receivedAt)).toBeGreaterThan(0);
  });

  it('stores page, identify and alias calls without an event name', async () => {
    const batch = [
      { type: 'page', name: 'Home', messageId: 'p1', anonymousId: 'a' },
      { type: 'identify', userId: 'u1', traits: { plan: 'pro' }, messageId: 'i1', anonymousId: 'a' },
      { type: 'alias', userId: 'u1', previousId: 'a', messageId: 'al1' },
    ];
    const res = await post(`${collector.url}/v1/batch`, { batch });
    expect(res.json).toMatchObject({ stored: 3 });
    expect(collector.db.events({ order: 'asc' }).map((e) => [e.type, e.event])).toEqual([
      ['page', null],
      ['identify', null],
      ['alias', null],
    ]);
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const missing = await fetch(`${collector.url}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('collector/not-found');
    const wrong = await fetch(`${collector.url}/v1/batch`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
  });
});
