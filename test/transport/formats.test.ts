import { describe, expect, it, vi } from 'vitest';
import { gzip } from '../../src/transport';
import type { SightlineEvent } from '../../src/types';
import { useTransportCollector } from '../utils/transport-collector';
import { useTransportSpec } from '../utils/transport-clock';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();

describe('formats and headers', () => {
  useTransportSpec();

  it('posts the segment format to <endpoint>/v1/batch with Basic auth of the write key', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, endpoint: 'http://localhost:3000/', format: 'segment' });
    tab.track('Order Completed', { revenue: 42 });
    await tab.flush();
    const [req] = collector.received;
    expect(req?.url).toBe('http://localhost:3000/v1/batch');
    expect(req?.headers.get('authorization')).toBe(`Basic ${btoa('test-key:')}`);
    expect(req?.headers.get('content-type')).toBe('application/json');
    expect(req?.body.batch[0]).toMatchObject({ type: 'track', event: 'Order Completed', properties: { revenue: 42 } });
    expect(req?.body.sentAt).toEqual(expect.any(String));
    await tab.destroy();
  });

  it('encodes a write key beyond Latin-1 as UTF-8 in the Basic auth (RFC 7617), and delivers', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, endpoint: 'http://localhost:3000/', format: 'segment', writeKey: 'clé-€' });
    tab.track('Order Completed');
    await tab.flush();
    const auth = collector.received[0]?.headers.get('authorization');
    expect(Buffer.from(auth!.replace('Basic ', ''), 'base64').toString('utf8')).toBe('clé-€:');
    expect(tab.errors).toEqual([]);
    expect(tab.plugin.stats().sent).toBe(1);
    await tab.destroy();
  });

  it('carries events whose text looks like a replacement pattern ($&, $1) unchanged in the native body', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('Coupon Entered', { code: '$&$1$$' });
    await tab.flush();
    expect(collector.received[0]?.body.batch[0]?.properties).toEqual({ code: '$&$1$$' });
    await tab.destroy();
  });

  it('gzips the body and says so when compress is the gzip helper', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, compress: gzip });
    for (let i = 0; i < 20; i++) tab.track('Product Viewed', { description: 'a very repetitive text '.repeat(20) });
    await tab.flush();
    const [req] = collector.received;
    expect(req?.headers.get('content-encoding')).toBe('gzip');
    expect(req?.body.batch).toHaveLength(20);
    expect(req!.bytes).toBeLessThan(JSON.stringify(req!.body).length / 4);
    await tab.destroy();
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('no zlib here'))],
    ['throws', () => {
      throw new Error('no zlib here');
    }],
  ])('sends the body uncompressed, and reports it, when the compress function %s', async (_, compress) => {
    const tab = await openTab({ queue: { name: freshQueue() }, compress: compress as () => Promise<Blob> });
    tab.track('Order Completed');
    await tab.flush();
    expect(collector.received.map((r) => [r.status, r.headers.get('content-encoding')])).toEqual([[200, null]]);
    expect(collector.delivered()).toHaveLength(1);
    expect(tab.errors).toEqual([
      expect.objectContaining({ code: 'transport/compress-failed', source: 'user', detail: { error: 'Error: no zlib here' } }),
    ]);
    await tab.destroy();
  });

  it('sends custom headers, and prefers the option writeKey over the client one', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, headers: { 'X-Shop': 'demo' }, writeKey: 'own-key' });
    tab.track('x');
    await tab.flush();
    expect(collector.received[0]?.headers.get('x-shop')).toBe('demo');
    expect(collector.received[0]?.body.writeKey).toBe('own-key');
    await tab.destroy();
  });

  it('uses a format function: its body, url and headers, given parsed events and meta', async () => {
    const format = vi.fn((events: { event?: string }[], meta: { sentAt: string; writeKey?: string }) => ({
      url: 'http://localhost:3000/custom',
      body: JSON.stringify({ batch: events, sentAt: meta.sentAt, writeKey: meta.writeKey }),
      headers: { 'X-Format': 'mine' },
    }));
    const tab = await openTab({ queue: { name: freshQueue() }, format });
    tab.track('Signed Up');
    await tab.flush();
    expect(format).toHaveBeenCalledWith([expect.objectContaining({ event: 'Signed Up' })], expect.objectContaining({ writeKey: 'test-key' }));
    expect(collector.received[0]?.url).toBe('http://localhost:3000/custom');
    expect(collector.received[0]?.headers.get('x-format')).toBe('mine');
    await tab.destroy();
  });

  it('drops a batch whose format function throws, with a code', async () => {
    const tab = await openTab({
      queue: { name: freshQueue() },
      format: () => {
        throw new Error('nope');
      },
    });
    tab.track('x');
    await tab.flush();
    expect(collector.received).toHaveLength(0);
    expect(tab.errors).toEqual([expect.objectContaining({ code: 'transport/format-failed' })]);
    await tab.destroy();
  });

  // Sent, such a request failed as "no answer": retried for ever, unreported, and every later
  // batch waited behind it. (A header value beyond Latin-1 too, which happy-dom's Request
  // lets through: test/e2e/gzip.test.ts checks that one in Chromium.)
  it('drops a batch whose format function gives a URL with credentials, which fetch refuses to build, and sends the next', async () => {
    const format = (events: SightlineEvent[]) => ({
      body: JSON.stringify({ batch: events }),
      url: events[0]?.properties?.city === 'Łódź' ? 'http://user:secret@localhost:3000/' : undefined,
    });
    const tab = await openTab({ queue: { name: freshQueue() }, format, batch: { maxEvents: 1 } });
    tab.track('Store Selected', { city: 'Łódź' });
    tab.track('Order Completed', { city: 'Paris' });
    await tab.flush();
    await tab.flush();
    expect(collector.received.map((r) => r.body.batch[0]?.event)).toEqual(['Order Completed']);
    expect(tab.errors).toEqual([expect.objectContaining({ code: 'transport/format-failed', detail: expect.objectContaining({ events: 1 }) })]);
    await tab.destroy();
  });
});
