import { describe, expect, it } from 'vitest';
import { createSightline } from '../../src/core';
import { collector } from '../../src/transport';
import type { SightlineError } from '../../src/types';
import { useTransportCollector } from '../utils/transport-collector';
import { useTransportSpec } from '../utils/transport-clock';
import { freshQueue, openTab } from '../utils/transport-tab';

const received = useTransportCollector();

describe('collector options from plain JavaScript', () => {
  useTransportSpec();

  it('never throws, whatever it is given', () => {
    for (const options of [undefined, null, 5, 'http://x', { batch: null, retry: null, queue: null }])
      expect(() => collector(options as never)).not.toThrow();
  });

  it('does not start without an endpoint URL, and says so once', async () => {
    for (const options of [undefined, {}, { endpoint: '' }, { endpoint: 5 }]) {
      const errors: SightlineError[] = [];
      const client = createSightline({ writeKey: 'k', onError: (e) => errors.push(e) });
      await client.use(collector(options as never));
      client.track('Product Viewed');
      await client.flush();
      expect(errors).toEqual([
        { code: 'plugin/setup-failed', source: 'sdk', message: 'collector() needs an endpoint URL', detail: { plugin: 'sightline-collector' } },
      ]);
      await client.destroy();
    }
    expect(received.received).toHaveLength(0);
  });

  it('takes the defaults of option groups given as null', async () => {
    const nulls = await openTab({ batch: null, retry: null, queue: { name: freshQueue() } } as never);
    for (let i = 0; i < 120; i++) nulls.track('Product Viewed', { i });
    await nulls.flush();
    // The default batch of 50 events: three requests for 120.
    expect(received.received.map((r) => r.body.batch.length)).toEqual([50, 50, 20]);
    expect(nulls.errors).toEqual([]);
    await nulls.destroy();
  });

  it('takes the default of an option it cannot use, and names them all in one report', async () => {
    const tab = await openTab({
      timeoutMs: 0, // would abort every request at once
      ratePerName: -1, // would refuse every event
      batch: { maxEvents: NaN, maxBytes: 0, intervalMs: '2s' }, // 0 bytes would drop every event as too large
      retry: { baseMs: -5, capMs: Infinity }, // would retry in a tight loop
      queue: { name: freshQueue(), maxEvents: 0, maxBytes: null },
      format: 'ndjson', // goes as native
    } as never);
    expect(tab.errors).toEqual([{
      code: 'transport/invalid-option',
      message: 'transport/invalid-option',
      source: 'input',
      detail: { options: ['timeoutMs', 'ratePerName', 'batch.maxEvents', 'batch.maxBytes', 'batch.intervalMs', 'retry.baseMs', 'retry.capMs', 'queue.maxEvents', 'queue.maxBytes', 'format'] },
    }]);
    // Nothing else is lost: the defaults deliver (40 of a name stay under the default rate of 50).
    for (let i = 0; i < 120; i++) tab.track(`Product Viewed ${i % 3}`, { i });
    await tab.flush();
    expect(received.received.map((r) => r.body.batch.length)).toEqual([50, 50, 20]);
    expect(tab.errors).toHaveLength(1);
    await tab.destroy();
  });

  it('takes every number in range as given, its smallest values included', async () => {
    const tab = await openTab({
      ratePerName: 0,
      batch: { maxEvents: 1, maxBytes: 1_024, intervalMs: 0 },
      retry: { baseMs: 1, capMs: 1 },
      queue: { name: freshQueue(), maxEvents: 1, maxBytes: 2_147_483_647 },
      timeoutMs: 2_147_483_647,
    });
    tab.track('Product Viewed');
    await tab.flush();
    expect(received.received.map((r) => r.body.batch.length)).toEqual([1]);
    expect(tab.errors).toEqual([]);
    await tab.destroy();
  });
});
