import { beforeEach, describe, expect, it } from 'vitest';
import type { LifecycleMap } from '../../src/types';
import { clearBrowserState, createHarness } from '../utils/core-harness';

beforeEach(clearBrowserState);

describe('event names', () => {
  it.each([[undefined], [null], [42], [''], ['   '], ['x'.repeat(201)], [{}], [Symbol('x')]])(
    'rejects track(%s) with input/invalid-name and fires drop',
    async (name) => {
      const h = createHarness();
      const drops: LifecycleMap['drop'][] = [];
      h.client.on('drop', (d) => drops.push(d));
      h.client.track(name as string);
      h.client.track('Valid');
      await h.settle();
      expect(h.events.map((e) => e.event)).toEqual(['Valid']);
      expect(h.errors).toMatchObject([{ code: 'input/invalid-name', source: 'input', detail: { call: 'track' } }]);
      expect(drops).toEqual([{ reason: 'input/invalid-name', event: undefined }]);
    },
  );

  it('accepts a 200-character name', async () => {
    const h = createHarness();
    h.client.track('x'.repeat(200));
    await h.settle();
    expect(h.events).toHaveLength(1);
  });

  it('keeps a page view whose name is invalid, without the name', async () => {
    const h = createHarness();
    h.client.page(42 as unknown as string, { a: 1 });
    await h.settle();
    expect(h.events[0]).toMatchObject({ type: 'page', properties: { a: 1 } });
    expect(h.events[0]!.name).toBeUndefined();
    expect(h.codes()).toEqual(['input/invalid-name']);
  });
});

describe('ids', () => {
  it.each([[true], [''], [' '], [NaN], ['x'.repeat(201)], [[]]])('rejects identify(%j) with input/invalid-id', async (id) => {
    const h = createHarness();
    h.client.identify(id as string, { plan: 'gold' });
    await h.settle();
    expect(h.events).toEqual([]);
    expect(h.client.user()).toMatchObject({ userId: null, traits: {} });
    expect(h.codes()).toEqual(['input/invalid-id']);
  });

  it.each([[undefined], [null], [''], [{}]])('rejects alias(%j)', async (id) => {
    const h = createHarness();
    h.client.alias(id as string);
    await h.settle();
    expect(h.events).toEqual([]);
    expect(h.codes()).toEqual(['input/invalid-id']);
  });

  it('repairs an invalid alias previousId with the current id', async () => {
    const h = createHarness();
    h.client.alias('new', {} as string);
    await h.settle();
    expect(h.events[0]!.previousId).toBe(h.client.user().anonymousId);
    expect(h.codes()).toEqual(['input/invalid-id']);
  });
});

describe('properties', () => {
  it.each([['text'], [42], [[1, 2]], [true]])('replaces non-object properties %j with {} and reports it', async (props) => {
    const h = createHarness();
    h.client.track('X', props as never);
    await h.settle();
    expect(h.events[0]!.properties).toEqual({});
    expect(h.errors).toMatchObject([{ code: 'input/invalid-properties', source: 'input', detail: { path: 'properties', event: 'X' } }]);
  });

  it('reports each problem once per event, with its path, and sends the repaired event', async () => {
    const h = createHarness();
    h.client.track('Bad', { f1: () => 1, f2: () => 2, n: NaN, ok: 'yes' });
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ n: null, ok: 'yes' });
    expect(h.errors.map((e) => [e.code, e.detail?.path])).toEqual([
      ['input/function', 'properties.f1'],
      ['input/not-finite', 'properties.n'],
    ]);
  });

  it('reports the same problem again for the next event', async () => {
    const h = createHarness();
    h.client.track('A', { f: () => 1 });
    h.client.track('B', { f: () => 1 });
    await h.settle();
    expect(h.codes()).toEqual(['input/function', 'input/function']);
  });

  it('sanitizes traits like properties', async () => {
    const h = createHarness();
    h.client.identify('u1', { loop: 1n });
    await h.settle();
    expect(h.client.user().traits).toEqual({ loop: '1' });
    expect(h.errors).toMatchObject([{ code: 'input/bigint', detail: { path: 'traits.loop' } }]);
  });

  it('applies the limits of the options', async () => {
    const h = createHarness({ limits: { maxStringLength: 5, maxDepth: 1 } });
    h.client.track('X', { s: 'abcdefgh', deep: { a: 1 } });
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ s: 'abcde…' });
    expect(h.codes()).toEqual(['input/string-truncated', 'input/too-deep']);
  });
});

describe('options', () => {
  it('reports the limits given as no number ≥ 0 once, and uses their defaults', async () => {
    const limits = { maxDepth: -1, maxStringLength: 'x' as unknown as number, maxEventBytes: undefined };
    const h = createHarness({ limits });
    expect(h.errors).toMatchObject([{ code: 'core/invalid-option', source: 'input', detail: { options: ['maxStringLength', 'maxDepth'] } }]);
    h.client.track('X', { s: 'y'.repeat(9000), deep: { a: { b: 1 } } });
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ s: 'y'.repeat(8192) + '…', deep: { a: { b: 1 } } });
    expect(h.codes()).toEqual(['core/invalid-option', 'input/string-truncated']);
  });
});

describe('event size', () => {
  it('drops an event over maxEventBytes, reporting it once', async () => {
    const h = createHarness({ limits: { maxEventBytes: 4000 } });
    h.client.track('Big', { small: 'keep me', big: 'x'.repeat(3000), medium: 'y'.repeat(1500) });
    h.client.track('Small', { small: 'keep me' });
    await h.settle();
    expect(h.events.map((e) => e.event)).toEqual(['Small']);
    expect(h.errors).toMatchObject([{ code: 'input/too-large', detail: { path: 'event', event: 'Big' } }]);
  });

  it('counts bytes, not characters', async () => {
    const h = createHarness({ limits: { maxEventBytes: 4000 } });
    h.client.track('Emoji', { e: '😀'.repeat(900), k: 1 }); // 1,800 characters, 3,600 bytes
    h.client.track('Ascii', { e: 'x'.repeat(1800), k: 1 });
    await h.settle();
    expect(h.events.map((e) => e.event)).toEqual(['Ascii']);
    expect(h.codes()).toEqual(['input/too-large']);
  });

  it('fires drop for an event over the limit, with the reason', async () => {
    const h = createHarness({ limits: { maxEventBytes: 300 } });
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    h.client.track('x'.repeat(200), { a: 1 });
    await h.settle();
    expect(h.events).toEqual([]);
    expect(h.codes()).toEqual(['input/too-large']);
    expect(drops[0]!.reason).toBe('input/too-large');
  });

  it('drops an identify event whose traits, merged with earlier ones, pass maxEventBytes', async () => {
    const h = createHarness();
    for (let i = 0; i < 10; i++) h.client.identify('u1', { ['bio' + i]: 'x'.repeat(4000) });
    await h.settle();
    for (const e of h.events) expect(new TextEncoder().encode(JSON.stringify(e)).length).toBeLessThanOrEqual(32768);
  });

  it('drops an event whose properties the sanitizer stopped walking at the size cap', async () => {
    const h = createHarness();
    const props: Record<string, unknown> = { first: 'kept' };
    for (let i = 0; i < 40_000; i++) props['opt' + i] = undefined;
    props.last = 'lost';
    h.client.track('Form State', props);
    await h.settle();
    expect(h.codes()).toContain('input/too-large');
    expect(h.events).toEqual([]);
  });

  it('never passes on an event over maxEventBytes, even with the longest names and ids escaped in JSON', async () => {
    // A control character takes 6 bytes in JSON (\u0001): the envelope's page name (twice),
    // user id and anonymous id at their 200-character limit weigh about 4.8 KB.
    const c = '\u0001';
    const h = createHarness();
    h.client.identify(c.repeat(200));
    for (let n = 4000; n < 5500; n += 10) h.client.page(c.repeat(200), { p: c.repeat(n) });
    await h.settle();
    expect(h.events.length).toBeGreaterThan(1);
    for (const e of h.events) expect(new TextEncoder().encode(JSON.stringify(e)).length).toBeLessThanOrEqual(32768);
  });

  it('leaves an event under the limit untouched', async () => {
    const h = createHarness();
    h.client.track('Normal', { s: 'x'.repeat(5000) });
    await h.settle();
    expect(h.events[0]!.properties.s).toHaveLength(5000);
    expect(h.errors).toEqual([]);
  });
});
