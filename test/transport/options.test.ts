import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createSightline } from '../../src/core';
import { collector, TRANSPORT_ERRORS } from '../../src/transport';
import type { SightlineError } from '../../src/types';
import { COLLECTOR, useTransportCollector } from '../utils/transport-collector';
import { settle, useTransportSpec } from '../utils/transport-clock';
import { freshQueue, openTab } from '../utils/transport-tab';

const received = useTransportCollector();

/** Headers as a browser builds them: from an object, each name an HTTP token, each value bytes without NUL, CR or LF (Fetch spec). */
class BrowserHeaders extends Headers {
  constructor(init?: Record<string, unknown>) {
    super();
    if (init !== undefined && Object(init) !== init) throw new TypeError('headers must be an object');
    for (const [name, value] of Object.entries(init ?? {})) {
      const text = String(value);
      if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || /[\0\r\n]|[^\0-\xff]/.test(text)) throw new TypeError(`invalid header ${JSON.stringify(name)}`);
      this.append(name, text);
    }
  }
}

describe('collector options from plain JavaScript', () => {
  useTransportSpec();

  it('never throws, whatever it is given', () => {
    const bare = Object.create(null); // converting it to a string throws
    for (const options of [undefined, null, 5, 'http://x', { batch: null, retry: null, queue: null }, { endpoint: bare }, { endpoint: 'http://x', format: bare, queue: { name: bare } }])
      expect(() => collector(options as never)).not.toThrow();
  });

  it('never throws when an option is a getter that throws, and reports it as one it cannot use', async () => {
    const hostile = (value: object, key: string) =>
      Object.defineProperty(value, key, {
        enumerable: true,
        get() {
          throw new Error('hostile getter');
        },
      });
    expect(() => collector(hostile({}, 'endpoint') as never)).not.toThrow();
    const tab = await openTab({ queue: { name: freshQueue() }, batch: hostile({}, 'maxEvents') } as never);
    expect(tab.errors).toMatchObject([{ code: 'transport/invalid-option', detail: { options: ['batch.maxEvents'] } }]);
    tab.track('Product Viewed');
    await tab.flush();
    expect(received.delivered()).toHaveLength(1);
    await tab.destroy();
  });

  it.each([
    ['a Headers', new Headers({ 'X-Shop': 'demo' })],
    ['a Map', new Map([['X-Shop', 'demo']])],
    ['a list of pairs', [['X-Shop', 'demo']]],
  ])('reports headers given as %s, which are no record of names and values', async (_, headers) => {
    const tab = await openTab({ queue: { name: freshQueue() }, headers } as never);
    expect(tab.errors).toMatchObject([{ code: 'transport/invalid-option', detail: { options: ['headers'] } }]);
    tab.track('Product Viewed');
    await tab.flush();
    expect(received.delivered()).toHaveLength(1);
    await tab.destroy();
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
      writeKey: 42, // the client's write key goes instead
      compress: 'gzip', // would fail every request: bodies go uncompressed
      headers: null, // would fail every request: no extra headers
    } as never);
    expect(tab.errors).toEqual([{
      code: 'transport/invalid-option',
      message: 'transport/invalid-option',
      source: 'input',
      detail: { options: ['timeoutMs', 'ratePerName', 'batch.maxEvents', 'batch.maxBytes', 'batch.intervalMs', 'retry.baseMs', 'retry.capMs', 'queue.maxEvents', 'queue.maxBytes', 'format', 'writeKey', 'compress', 'headers'] },
    }]);
    // Nothing else is lost: the defaults deliver (40 of a name stay under the default rate of 50).
    for (let i = 0; i < 120; i++) tab.track(`Product Viewed ${i % 3}`, { i });
    await tab.flush();
    expect(received.received.map((r) => r.body.batch.length)).toEqual([50, 50, 20]);
    expect(received.received[0]!.body.writeKey).toBe('test-key');
    expect(tab.errors).toHaveLength(1);
    await tab.destroy();
  });

  it('sends without headers that fetch would refuse, and says so', async () => {
    vi.stubGlobal('Headers', BrowserHeaders); // the browser's check, which collector() asks
    const tab = await openTab({ queue: { name: freshQueue() }, headers: { 'X-Shop': 'one', 'Bad Name': 'x' } });
    vi.unstubAllGlobals();
    tab.track('Product Viewed');
    await tab.flush();
    expect(received.received).toHaveLength(1);
    expect(received.received[0]!.headers.get('x-shop')).toBeNull();
    expect(tab.errors).toMatchObject([{ code: 'transport/invalid-option', detail: { options: ['headers'] } }]);
    await tab.destroy();
  });

  it('sends without the client\'s write key when it is no string', async () => {
    const errors: SightlineError[] = [];
    const client = createSightline({ writeKey: Object.create(null), onError: (e) => errors.push(e) });
    await client.use(collector({ endpoint: COLLECTOR, format: 'segment', queue: { name: freshQueue() } }));
    client.track('Product Viewed');
    await client.flush();
    expect(received.received).toHaveLength(1);
    expect(received.received[0]!.body.writeKey).toBeUndefined();
    expect(errors).toEqual([]);
    await client.destroy();
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

  describe('under random options (fast-check)', () => {
    const anything = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 2 });
    const group = (...keys: string[]) => fc.oneof(anything, fc.record(Object.fromEntries(keys.map((k) => [k, anything])), { requiredKeys: [] }));
    const OPTIONS = ['format', 'writeKey', 'compress', 'headers', 'timeoutMs', 'ratePerName', 'batch.maxEvents', 'batch.maxBytes', 'batch.intervalMs', 'retry.baseMs', 'retry.capMs', 'queue.maxEvents', 'queue.maxBytes', 'queue.name'];
    const KNOWN = new Set<string>([...Object.values(TRANSPORT_ERRORS), 'plugin/setup-failed']);
    // What the client reported, checked against the codes and option names there are.
    const expectKnownReports = (errors: SightlineError[]): void => {
      for (const e of errors) expect(KNOWN).toContain(e.code);
      const invalid = errors.filter((e) => e.code === 'transport/invalid-option');
      expect(invalid.length).toBeLessThanOrEqual(1);
      for (const option of (invalid[0]?.detail?.options ?? []) as string[]) expect(OPTIONS).toContain(option);
    };

    it('never throws, and reports only what it could not use', async () => {
      const options = fc.record(
        {
          endpoint: fc.oneof(anything, fc.constant(COLLECTOR)),
          format: fc.oneof(anything, fc.constantFrom('native', 'segment', 'ndjson')),
          writeKey: anything,
          compress: anything,
          headers: fc.oneof(anything, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })),
          timeoutMs: anything,
          ratePerName: anything,
          batch: group('maxEvents', 'maxBytes', 'intervalMs'),
          retry: group('baseMs', 'capMs'),
          queue: group('maxEvents', 'maxBytes', 'name'),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(options, async (given) => {
          const errors: SightlineError[] = [];
          // No analytics consent: setup and its checks run, nothing is stored or sent.
          const client = createSightline({ consent: { default: 'denied' }, onError: (e) => errors.push(e) });
          await client.use(collector(given as never));
          client.track('Product Viewed');
          await client.flush();
          expectKnownReports(errors);
          await client.destroy();
        }),
        { numRuns: 80 },
      );
    });

    it('still delivers, whatever the options other than the numbers are', async () => {
      const options = fc.record(
        {
          format: fc.oneof(anything, fc.constantFrom('native', 'segment')),
          writeKey: anything,
          compress: anything,
          headers: fc.oneof(anything, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })),
          queue: fc.record({ name: fc.oneof(anything, fc.string()) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(options, async (given) => {
          const errors: SightlineError[] = [];
          const client = createSightline({ writeKey: 'k', onError: (e) => errors.push(e) });
          // happy-dom's Headers takes any name and value; a browser's (and Node's) refuses what
          // fetch cannot send, which is what collector() asks it when it reads its options.
          vi.stubGlobal('Headers', BrowserHeaders);
          const plugin = collector({ ...given, endpoint: COLLECTOR } as never);
          vi.unstubAllGlobals();
          await client.use(plugin);
          await settle(); // its start cycle
          const id = ++run;
          client.track('Product Viewed', { id });
          await client.flush();
          expect(received.received.flatMap((r) => r.body.batch).filter((e) => e.properties?.id === id)).toHaveLength(1);
          expectKnownReports(errors);
          expect(errors.filter((e) => e.code !== 'transport/invalid-option')).toEqual([]);
          await client.destroy();
        }),
        { numRuns: 60 },
      );
    });
  });
});
