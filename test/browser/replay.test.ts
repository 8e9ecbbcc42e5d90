import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { replayStub, type Stub } from '../../src/browser/replay';

const STUB_SOURCE = readFileSync('src/browser/stub.js', 'utf8');

/** Runs the documented inline stub in this window and returns what it put on `window.sightline`. */
function installStub(): Stub & Record<string, (...args: unknown[]) => void> {
  delete (window as unknown as Record<string, unknown>).sightline;
  new Function(STUB_SOURCE)();
  return (window as unknown as { sightline: Stub & Record<string, (...args: unknown[]) => void> }).sightline;
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

  it('accepts a missing or malformed queue', () => {
    expect(() => replayStub(undefined, {}, () => {})).not.toThrow();
    expect(() => replayStub({ q: [null as never, ['track', 'not-an-array' as never]] }, { track: () => {} }, () => {})).not.toThrow();
  });
});
