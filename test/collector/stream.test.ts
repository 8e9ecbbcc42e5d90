// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollectorOptions } from '../../examples/collector/server';
import { getJson, post, startTestCollector, trackEvent, type TestCollector } from './utils/harness';
import { openSse, type SseReader } from './utils/sse';

describe('GET /api/stream', () => {
  let collector: TestCollector | undefined;
  let stream: SseReader | undefined;
  afterEach(async () => {
    stream?.close();
    await collector?.stop();
    collector = stream = undefined;
  });
  async function start(options: CollectorOptions = {}): Promise<{ url: string }> {
    collector = await startTestCollector(options);
    stream = await openSse(`${collector.url}/api/stream`);
    await stream.waitFor(': connected');
    return collector;
  }

  it('pushes every stored event as a data line', async () => {
    const { url } = await start();
    const event = trackEvent('Product Viewed');
    await post(`${url}/collect`, [event]);
    await stream!.waitFor(event.messageId as string);
    expect(stream!.dataEvents()).toEqual([expect.objectContaining({ messageId: event.messageId, event: 'Product Viewed', payload: event })]);
  });

  it('pushes nothing for a duplicate', async () => {
    const { url } = await start();
    const first = trackEvent('Product Viewed');
    const marker = trackEvent('Marker');
    await post(`${url}/collect`, [first]);
    await post(`${url}/collect`, [first, marker]);
    await stream!.waitFor(marker.messageId as string);
    expect(stream!.dataEvents().map((e) => (e as { messageId: string }).messageId)).toEqual([first.messageId, marker.messageId]);
  });

  it('sends heartbeat comments while idle', async () => {
    await start({ heartbeatMs: 20 });
    await expect(stream!.waitFor(': heartbeat')).resolves.toContain(': heartbeat\n\n');
  });

  it('forgets a client that disconnects', async () => {
    const { url } = await start();
    expect((await getJson(`${url}/healthz`)).streamClients).toBe(1);
    stream!.close();
    await vi.waitFor(async () => expect((await getJson(`${url}/healthz`)).streamClients).toBe(0));
  });

  it('ends open streams when the collector closes, so close() does not hang', async () => {
    await start();
    await collector!.close();
    await expect(stream!.ended).resolves.toBeUndefined();
  });
});
