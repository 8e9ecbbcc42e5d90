// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nestedObject, post, startTestCollector, trackEvent, useTestCollector, type TestCollector } from './utils/harness';

const valid = () => trackEvent('Product Viewed');
/** A valid event whose deepest value sits `levels` objects deep, the event itself being the first. */
const nestedEvent = (levels: number) => ({ ...valid(), properties: nestedObject(levels - 1) });

/** [what, body, status, code, index] — the body is posted as-is to /collect. */
const invalidBodies: [string, string, number, string, number | undefined][] = [
  ['malformed JSON', '{"batch": [', 400, 'collector/invalid-json', undefined],
  ['an empty body', '', 400, 'collector/invalid-json', undefined],
  ['a JSON string', '"hello"', 400, 'collector/invalid-shape', undefined],
  ['null', 'null', 400, 'collector/invalid-shape', undefined],
  ['an object without batch', '{"events": []}', 400, 'collector/invalid-shape', undefined],
  ['batch not an array', '{"batch": {"0": {}}}', 400, 'collector/invalid-shape', undefined],
  ['an event that is not an object', JSON.stringify({ batch: [valid(), 42] }), 400, 'collector/invalid-event', 1],
  ['an event without messageId', JSON.stringify({ batch: [{ ...valid(), messageId: undefined }] }), 400, 'collector/missing-message-id', 0],
  ['an empty messageId', JSON.stringify({ batch: [valid(), { ...valid(), messageId: '  ' }] }), 400, 'collector/missing-message-id', 1],
  ['a numeric messageId', JSON.stringify({ batch: [{ ...valid(), messageId: 7 }] }), 400, 'collector/missing-message-id', 0],
  ['an event without type', JSON.stringify({ batch: [valid(), valid(), { ...valid(), type: undefined }] }), 400, 'collector/missing-type', 2],
  ['an unknown type', JSON.stringify({ batch: [{ ...valid(), type: 'click' }] }), 400, 'collector/invalid-type', 0],
  ['a track event without a name', JSON.stringify({ batch: [{ ...valid(), event: '' }] }), 400, 'collector/missing-event-name', 0],
  ['an event nested 101 levels deep', JSON.stringify({ batch: [valid(), nestedEvent(101)] }), 400, 'collector/too-deep', 1],
];

describe('collector validation', () => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector({ maxBodyBytes: 10_000 });
  });
  afterEach(() => collector.stop());

  it.each(invalidBodies)('answers %s with its status and code, storing nothing from the batch', async (_what, body, status, code, index) => {
    const res = await post(`${collector.url}/collect`, body);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toEqual(expect.any(String));
    expect(res.json.error.index).toBe(index);
    expect(collector.db.count()).toBe(0);
  });

  it('keeps what was stored before an invalid batch', async () => {
    await post(`${collector.url}/collect`, [valid()]);
    await post(`${collector.url}/collect`, [valid(), { type: 'track' }]);
    expect(collector.db.count()).toBe(1);
  });

  it('answers 413 for a body over the size cap', async () => {
    const big = [trackEvent('Product Viewed', { properties: { blob: 'x'.repeat(20_000) } })];
    const res = await post(`${collector.url}/collect`, big);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('collector/too-large');
  });

  it('answers 413 for a small gzip body that inflates past the cap (zip bomb)', async () => {
    const bomb = gzipSync(JSON.stringify([trackEvent('x', { properties: { pad: ' '.repeat(5_000_000) } })]));
    expect(bomb.length).toBeLessThan(10_000);
    const res = await post(`${collector.url}/collect`, new Uint8Array(bomb), { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('collector/too-large');
  });

  it('answers 400 for a body that claims gzip but is not', async () => {
    const res = await post(`${collector.url}/collect`, '[]', { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('collector/invalid-encoding');
  });

  it('answers 415 for an unsupported Content-Encoding', async () => {
    const res = await post(`${collector.url}/collect`, '[]', { 'Content-Encoding': 'br' });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('collector/unsupported-encoding');
  });

  it('answers 415 for a Content-Type that is not JSON or text', async () => {
    const res = await post(`${collector.url}/collect`, '[]', { 'Content-Type': 'multipart/form-data; boundary=x' });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('collector/unsupported-media-type');
  });

  it('stores an event nested 100 levels deep (the limit) as sent', async () => {
    const event = nestedEvent(100);
    expect((await post(`${collector.url}/collect`, [event])).json).toMatchObject({ ok: true, stored: 1 });
    expect(collector.db.events()[0]?.payload).toEqual(event);
  });

  it('accepts an empty batch and stores nothing', async () => {
    const res = await post(`${collector.url}/collect`, { batch: [] });
    expect(res.json).toEqual({ ok: true, received: 0, stored: 0, duplicates: 0 });
  });
});

describe('collector under an oversized upload', () => {
  it('destroys the connection of a body far past the cap and keeps serving', async () => {
    const collector = await startTestCollector({ maxBodyBytes: 1_000 });
    try {
      await post(`${collector.url}/collect`, [trackEvent('Product Viewed')]);
      await expect(post(`${collector.url}/collect`, 'x'.repeat(100_000))).rejects.toThrow();
      const health = await fetch(`${collector.url}/healthz`);
      expect(await health.json()).toMatchObject({ ok: true, events: 1 });
    } finally {
      await collector.stop();
    }
  });
});

describe('collector given an event nested thousands of levels deep', () => {
  const start = useTestCollector();

  // Such an event used to overflow the stack as it was stored: a 500, which the SDK retries for
  // ever, holding up the queue behind it. A 400 makes it drop the batch.
  it.each([5_000, 400_000])('answers 400 collector/too-deep to a batch whose event nests %i arrays, and keeps serving', async (depth) => {
    const c = await start();
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"batch":[${JSON.stringify(valid()).replace(/}$/, `,"extra":${deep}}`)}]}`;
    const res = await post(`${c.url}/v1/batch`, body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'collector/too-deep', index: 0 });
    expect((await post(`${c.url}/v1/batch`, { batch: [valid()] })).json).toMatchObject({ ok: true, stored: 1 });
  });
});
