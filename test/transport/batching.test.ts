import { describe, expect, it } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();

describe('batching', () => {
  useTransportSpec();

  it('sends what waits after intervalMs, in the native format', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('Product Viewed', { sku: 'A1' });
    await settle(); // stored at t=0
    await elapse(1_900);
    expect(collector.received).toHaveLength(0);
    await elapse(100);
    expect(collector.received).toHaveLength(1);
    const { body, headers } = collector.received[0]!;
    expect(body.batch.map((e) => e.event)).toEqual(['Product Viewed']);
    expect(body.writeKey).toBe('test-key');
    expect(Date.parse(body.sentAt)).not.toBeNaN();
    expect(headers.get('content-type')).toMatch(/^text\/plain/);
    expect(tab.plugin.stats()).toMatchObject({ sent: 1, queued: 0, lastFlush: 'timer' });
    await tab.destroy();
  });

  it('sends at once when maxEvents events wait, in batches of maxEvents', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 10 } });
    for (let i = 0; i < 25; i++) tab.track(`e${i}`);
    await settle();
    expect(collector.received.map((r) => r.body.batch.length)).toEqual([10, 10, 5]);
    expect(collector.names()).toEqual(
      Array.from({ length: 25 }, (_, i) => `e${i}`),
    );
    expect(tab.plugin.stats().lastFlush).toBe('count');
    await tab.destroy();
  });

  it('sends at once when maxBytes of events wait, and no body exceeds maxBytes', async () => {
    const maxBytes = 8 * 1024;
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxBytes } });
    for (let i = 0; i < 20; i++) tab.track('Big', { blob: 'x'.repeat(1_000) });
    await settle();
    expect(tab.plugin.stats().lastFlush).toBe('bytes');
    expect(collector.delivered()).toHaveLength(20);
    for (const r of collector.received) expect(r.bytes).toBeLessThanOrEqual(maxBytes);
    await tab.destroy();
  });

  it('sends everything now on flush()', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('Added');
    await tab.flush();
    expect(collector.delivered()).toHaveLength(1);
    expect(tab.plugin.stats()).toMatchObject({ sent: 1, lastFlush: 'manual' });
    await tab.destroy();
  });

  it('takes a maxBytes past the 64 KiB keepalive budget as the budget, and says so', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxBytes: 1_000_000, maxEvents: 1_000 } });
    for (let i = 0; i < 200; i++) tab.track('Big', { blob: 'x'.repeat(1_000) });
    await tab.flush();
    expect(collector.delivered()).toHaveLength(200);
    for (const r of collector.received) expect(r.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(tab.errors).toMatchObject([{ code: 'transport/invalid-option', detail: { options: ['batch.maxBytes'] } }]);
    await tab.destroy();
  });
});
