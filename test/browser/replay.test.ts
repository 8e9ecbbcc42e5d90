import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { replayStub, type Stub } from '../../src/browser/replay';

const STUB_SOURCE = readFileSync('src/browser/stub.js', 'utf8');

/** Runs the documented inline stub in this window and returns what it put on `window.sightline`. */
function installStub(): Stub & Record<string, (...args: unknown[]) => unknown> {
  delete (window as unknown as Record<string, unknown>).sightline;
  new Function(STUB_SOURCE)();
  return (window as unknown as { sightline: Stub & Record<string, (...args: unknown[]) => unknown> }).sightline;
}

describe('the inline stub', () => {
  it('is under 1 KB', () => {
    expect(new TextEncoder().encode(STUB_SOURCE.trim()).length).toBeLessThan(1024);
  });

  it('records calls in order, with their arguments, including consent.update', () => {
    const stub = installStub();
    stub.track!('Product Viewed', { product_id: 'p1' });
    stub.identify!('u1', { plan: 'gold' });
    (stub as unknown as { consent: { update(c: unknown): void } }).consent.update({ analytics: true });
    expect(stub.q).toEqual([
      ['track', ['Product Viewed', { product_id: 'p1' }]],
      ['identify', ['u1', { plan: 'gold' }]],
      ['consent.update', [{ analytics: true }]],
    ]);
  });

  it('is pasted as it is in the README, docs/getting-started.md and the example storefront', () => {
    for (const file of ['README.md', 'docs/getting-started.md', 'examples/storefront/snippet.ts']) {
      expect(readFileSync(file, 'utf8'), file).toContain(STUB_SOURCE.trim());
    }
  });

  it('answers flush, use and ready with a promise resolved at once, and on and onError with a no-op', async () => {
    const stub = installStub();
    for (const method of ['flush', 'use', 'ready']) await expect(stub[method]!(() => {}), method).resolves.toBeUndefined();
    for (const method of ['on', 'onError']) {
      const off = stub[method]!('event', () => {});
      expect(off, method).toBeTypeOf('function');
      expect((off as () => unknown)()).toBeUndefined();
    }
    expect(stub.track!('Product Viewed')).toBeUndefined();
    expect(stub.q!.map(([method]) => method)).toEqual(['flush', 'use', 'ready', 'on', 'onError', 'track']);
  });

  it('records sightline.commerce calls by helper name', () => {
    const stub = installStub() as unknown as Stub & { commerce: Record<string | symbol, unknown> };
    (stub.commerce.productViewed as (p: object) => void)({ product_id: 'p1' });
    expect(stub.commerce[Symbol.toPrimitive]).toBeUndefined();
    expect(stub.q).toEqual([['commerce.productViewed', [{ product_id: 'p1' }]]]);
  });

  it('keeps the first queue when pasted twice', () => {
    const stub = installStub();
    stub.track!('First');
    new Function(STUB_SOURCE)();
    expect((window as unknown as { sightline: Stub }).sightline.q).toEqual([['track', ['First']]]);
  });
});

describe('replayStub', () => {
  it('replays every recorded call on the real API, in order, and empties the queue', () => {
    const calls: string[] = [];
    const api = {
      track: (name: string) => calls.push(`track:${name}`),
      page: () => calls.push('page'),
      consent: { update: (c: { analytics: boolean }) => calls.push(`consent:${c.analytics}`) },
    };
    const stub: Stub = { q: [['page', []], ['consent.update', [{ analytics: true }]], ['track', ['A']]] };
    replayStub(stub, api, () => {});
    expect(calls).toEqual(['page', 'consent:true', 'track:A']);
    expect(stub.q).toEqual([]);
  });

  it('reports an unknown method and still replays the calls after it', () => {
    const track = vi.fn();
    const onUnknown = vi.fn();
    replayStub({ q: [['explode', []], ['toString', []], ['track', ['B']]] }, { track }, onUnknown);
    expect(onUnknown.mock.calls).toEqual([['explode'], ['toString']]);
    expect(track).toHaveBeenCalledWith('B');
  });

  it('replays sightline.commerce calls on the bound helpers', () => {
    const productViewed = vi.fn();
    replayStub({ q: [['commerce.productViewed', [{ product_id: 'p1' }]]] }, { commerce: { productViewed } }, () => {});
    expect(productViewed).toHaveBeenCalledWith({ product_id: 'p1' });
  });

  it('accepts a missing or malformed queue', () => {
    expect(() => replayStub(undefined, {}, () => {})).not.toThrow();
    expect(() => replayStub({ q: [null as never, ['track', 'not-an-array' as never]] }, { track: () => {} }, () => {})).not.toThrow();
  });
});
