// @vitest-environment node
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, post, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

const ENDPOINTS = ['/v1/batch', '/v1/native', '/collect'] as const;
const CONTENT_TYPES = ['application/json', 'text/plain;charset=UTF-8', 'application/octet-stream', ''] as const;
/** Every status the collector may answer a garbage batch with (200 when it was valid by chance). */
const EXPECTED_STATUSES = [200, 400, 413, 415];

/** Event-ish objects: the shapes validation has to sort out, valid ones included. */
const eventLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom('track', 'page', 'identify', 'alias', 'click'), fc.jsonValue()),
    event: fc.oneof(fc.string(), fc.jsonValue()),
    messageId: fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.integer()),
    anonymousId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    properties: fc.jsonValue(),
    context: fc.oneof(fc.jsonValue(), fc.record({ session: fc.record({ id: fc.jsonValue() }) })),
  },
  { requiredKeys: [] },
);

/** Bodies: random text, random bytes, random JSON, batch-shaped JSON, and gzip of any of them. */
const rawBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 2_000 }),
  fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
  fc.record({ batch: fc.array(eventLike, { maxLength: 8 }), sentAt: fc.jsonValue() }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
  fc.array(eventLike, { maxLength: 8 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
);
const request = fc.record({
  path: fc.constantFrom(...ENDPOINTS),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  gzip: fc.constantFrom('none', 'real', 'claimed'),
  body: rawBody,
});

describe('collector fuzzing', () => {
  let collector: TestCollector;
  const seeded = [trackEvent('Product Viewed'), trackEvent('Order Completed', { properties: { revenue: 20 } })];
  beforeAll(async () => {
    collector = await startTestCollector({ maxBodyBytes: 50_000 });
    await post(`${collector.url}/v1/batch`, { batch: seeded });
  });
  afterAll(() => collector.stop());

  it('answers every random body with JSON and a 2xx/4xx, and keeps earlier events', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ path, contentType, gzip, body }) => {
        const headers: Record<string, string> = { 'Content-Type': contentType };
        if (gzip !== 'none') headers['Content-Encoding'] = 'gzip';
        const payload = gzip === 'real' ? new Uint8Array(gzipSync(body)) : body;
        const res = await post(`${collector.url}${path}`, payload, headers);
        expect(EXPECTED_STATUSES).toContain(res.status);
        if (res.status === 200) expect(res.json).toMatchObject({ ok: true });
        else expect(res.json.error.code).toMatch(/^collector\//);
      }),
      { numRuns: 200 },
    );
    await expectSeededEventsKept();
  });

  it('survives random bytes sent as raw HTTP and keeps earlier events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), (bytes) => sendRaw(collector.port, bytes)),
      { numRuns: 40 },
    );
    await expectSeededEventsKept();
  });

  async function expectSeededEventsKept(): Promise<void> {
    expect(await getJson(`${collector.url}/healthz`)).toMatchObject({ ok: true });
    for (const event of seeded) {
      const { events } = await getJson(`${collector.url}/api/events?messageId=${event.messageId}`);
      expect(events[0]?.payload).toEqual(event);
    }
  }
});

/** Writes bytes on a raw socket, then half-closes; resolves when the server closes it. */
function sendRaw(port: number, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}
