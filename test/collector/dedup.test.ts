// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector } from '../../examples/collector/server';
import { getJson, makeDataDir, post, removeDataDir, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

describe('collector de-duplication on messageId', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function started(options: { dataDir?: string } = {}): Promise<TestCollector> {
    const collector = await startTestCollector(options);
    cleanups.push(() => collector.stop());
    return collector;
  }

  it('stores an event once when a batch is retried', async () => {
    const collector = await started();
    const batch = [trackEvent('Product Viewed'), trackEvent('Product Added')];
    await post(`${collector.url}/v1/batch`, { batch });
    const retry = await post(`${collector.url}/v1/batch`, { batch });
    expect(retry.json).toEqual({ ok: true, received: 2, stored: 0, duplicates: 2 });
    expect(collector.db.count()).toBe(2);
  });

  it('stores only the new events of a batch that overlaps an earlier one', async () => {
    const collector = await started();
    const old = trackEvent('Product Viewed');
    await post(`${collector.url}/collect`, { batch: [old] });
    const res = await post(`${collector.url}/collect`, { batch: [old, trackEvent('Checkout Started')] });
    expect(res.json).toEqual({ ok: true, received: 2, stored: 1, duplicates: 1 });
  });

  it('counts a messageId repeated inside one batch as a duplicate', async () => {
    const collector = await started();
    const event = trackEvent('Product Viewed');
    const res = await post(`${collector.url}/collect`, [event, event]);
    expect(res.json).toEqual({ ok: true, received: 2, stored: 1, duplicates: 1 });
  });

  it('de-duplicates across the segment and native endpoints', async () => {
    const collector = await started();
    const event = trackEvent('Order Completed');
    await post(`${collector.url}/v1/batch`, { batch: [event] });
    const res = await post(`${collector.url}/v1/native`, { batch: [event] });
    expect(res.json.duplicates).toBe(1);
  });

  it('keeps events and de-duplicates across a restart on the same data folder', async () => {
    const dataDir = await makeDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const event = trackEvent('Product Viewed');
    const first = await startCollector({ port: 0, dataDir, quiet: true });
    await post(`${first.url}/v1/batch`, { batch: [event] });
    await first.close();

    const second = await started({ dataDir });
    expect((await getJson(`${second.url}/api/events`)).events.map((e: { messageId: string }) => e.messageId)).toEqual([event.messageId]);
    const res = await post(`${second.url}/v1/batch`, { batch: [event] });
    expect(res.json).toEqual({ ok: true, received: 1, stored: 0, duplicates: 1 });
  });

  it('reports the number of duplicates in /api/stats', async () => {
    const collector = await started();
    const batch = [trackEvent('Product Viewed')];
    await post(`${collector.url}/collect`, batch);
    await post(`${collector.url}/collect`, batch);
    await post(`${collector.url}/collect`, batch);
    expect((await getJson(`${collector.url}/api/stats`)).duplicates).toBe(2);
  });
});
