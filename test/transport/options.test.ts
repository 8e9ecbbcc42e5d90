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
});
