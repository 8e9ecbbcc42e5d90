// The script-tag entry end to end in happy-dom: the documented stub records calls, the
// SDK boots from its <script data-*> tag with the real core and transport, replays the
// calls in order and delivers them to the collector (msw at the network boundary).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, type BrowserApi } from '../../src/browser/boot';
import * as helpers from '../../src/capture/commerce/helpers';
import type { SightlineError } from '../../src/types';
import { useTransportCollector } from '../utils/transport-collector';

const collector = useTransportCollector();
const STUB_SOURCE = readFileSync('src/browser/stub.js', 'utf8');
type Stubbed = Record<string, (...args: unknown[]) => unknown> & {
  consent: { update(c: unknown): void };
  commerce: Record<string, (properties: object) => void>;
};

function pasteStub(): Stubbed {
  new Function(STUB_SOURCE)();
  return (window as unknown as { sightline: Stubbed }).sightline;
}

/** The shop's `<script async src=".../sightline.iife.js" data-…>` tag (not fetched in tests). */
function addScriptTag(attributes: Record<string, string>): void {
  const script = document.createElement('script');
  script.type = 'text/x-not-loaded';
  script.setAttribute('src', '/js/sightline.iife.js');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(`data-${name}`, value);
  document.head.append(script);
}

const TAG = { endpoint: 'http://localhost:3000/collect', 'write-key': 'wk_test', autocapture: 'none' };

beforeEach(() => {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  localStorage.clear();
});

afterEach(async () => {
  const api = (window as unknown as { sightline?: BrowserApi }).sightline;
  if (api && api.__sightline) await api.destroy();
  delete (window as unknown as { sightline?: unknown }).sightline;
  document.head.innerHTML = '';
});

describe('the script-tag entry', () => {
  it('replays calls made before it loaded, in order, and delivers them', async () => {
    const stub = pasteStub();
    stub.identify!('user-1', { plan: 'gold' });
    stub.track!('Product Viewed', { product_id: 'p1' });
    stub.page!('Home');
    stub.track!('Product Added', { product_id: 'p1' });
    addScriptTag(TAG);

    const api = boot(window)!;
    await api.flush();

    const events = collector.received.flatMap((r) => r.body.batch);
    expect(events.map((e) => e.event ?? e.name ?? e.type)).toEqual(['identify', 'Product Viewed', 'Home', 'Product Added']);
    expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
    expect(events.every((e) => e.userId === 'user-1')).toBe(true);
    expect(collector.received[0]!.body.writeKey).toBe('wk_test');
  });

  it('makes window.sightline the real client, usable directly afterwards', async () => {
    pasteStub();
    addScriptTag(TAG);
    boot(window);
    const api = (window as unknown as { sightline: BrowserApi }).sightline;
    expect(api.__sightline).toBe(true);
    api.track('Direct Call');
    await api.flush();
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['Direct Call']);
    expect(api.stats().sent).toBe(1);
  });

  it('runs ready callbacks with the real API, whether queued before load or called after', () => {
    const stub = pasteStub();
    const early = vi.fn();
    stub.ready!(early);
    addScriptTag(TAG);
    const api = boot(window)!;
    const late = vi.fn();
    api.ready(late);
    expect(early).toHaveBeenCalledWith(api);
    expect(late).toHaveBeenCalledWith(api);
  });

  it('is harmless when loaded twice: the second copy keeps the first client and sends nothing twice', async () => {
    const stub = pasteStub();
    stub.track!('Once');
    addScriptTag(TAG);
    const first = boot(window)!;
    const second = boot(window);
    expect(second).toBe(first);
    await first.flush();
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['Once']);
  });

  it('leaves the real client alone when the stub snippet runs again after it loaded', async () => {
    addScriptTag(TAG);
    const api = boot(window)!;
    // e.g. a tag manager firing the documented snippet again on a virtual page view.
    pasteStub().track!('After Snippet');
    api.track('Direct');
    await api.flush();
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['After Snippet', 'Direct']);
  });

  it('reports an unknown stub call to an onError registered in the stub, and replays the rest', async () => {
    const stub = pasteStub();
    const errors: SightlineError[] = [];
    stub.onError!((error: SightlineError) => errors.push(error));
    stub.launchRockets = (...args: unknown[]) => (stub as unknown as { q: unknown[] }).q.push(['launchRockets', args]);
    stub.launchRockets();
    stub.track!('After', {});
    addScriptTag(TAG);
    const api = boot(window)!;
    await api.flush();
    expect(errors.map((e) => e.code)).toContain('browser/unknown-stub-call');
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['After']);
  });

  it('sends nothing and stores nothing with data-consent="denied" until consent is given', async () => {
    pasteStub().track!('Before Consent');
    addScriptTag({ ...TAG, consent: 'denied' });
    const api = boot(window)!;
    await api.flush();
    expect(collector.received).toEqual([]);
    expect(document.cookie).toBe('');
    expect(Object.keys(localStorage)).toEqual([]);

    api.consent.update({ analytics: true });
    await api.flush();
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['Before Consent']);
  });

  it("binds one commerce helper per Segment E-commerce v2 event, named as capture's free function, tracking that event", async () => {
    addScriptTag(TAG);
    const api = boot(window)!;
    expect(Object.keys(api.commerce).sort()).toEqual(Object.keys(helpers).sort());
    for (const [name, helper] of Object.entries(api.commerce)) (helper as (p: object) => void)({ product_id: name });
    await api.flush();
    // Each sends the event capture's function of that name sends.
    const sent = collector.received.flatMap((r) => r.body.batch).map((e) => [e.properties.product_id, e.event]);
    const expected = Object.entries(helpers).map(([name, helper]) => {
      let event = '';
      helper({ track: (e: string) => (event = e) }, {} as never);
      return [name, event];
    });
    expect(sent.sort()).toEqual(expected.sort());
  });

  it('reports an unknown data-format in the debug log (transport/invalid-option) and sends the native format', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    addScriptTag({ ...TAG, format: 'xml', debug: 'true' });
    const api = boot(window)!;
    api.track('Product Viewed', { product_id: 'p1' });
    await api.flush();
    const reports = log.mock.calls.filter(([, hook]) => hook == 'error').map(([, , error]) => error as SightlineError);
    log.mockRestore();

    expect(reports).toEqual([expect.objectContaining({ code: 'transport/invalid-option', detail: { options: ['format'] } })]);
    expect(collector.received.map((r) => new URL(r.url).pathname)).toEqual(['/collect']);
    expect(collector.received[0]!.body.batch.map((e) => e.event)).toEqual(['Product Viewed']);
  });

  it('replays the calls queued after a ready callback that throws a value without a prototype', () => {
    const stub = pasteStub();
    const codes: string[] = [];
    const events: string[] = [];
    stub.onError!((error: SightlineError) => codes.push(error.code));
    stub.ready!(() => {
      throw Object.create(null);
    });
    stub.on!('event', (event: { event?: string }) => events.push(event.event!));
    stub.track!('After Ready');
    addScriptTag({ autocapture: 'none' });
    expect(() => boot(window)).not.toThrow();
    expect(codes).toEqual(['callback/failed', 'browser/missing-endpoint']);
    return vi.waitFor(() => expect(events).toEqual(['After Ready']));
  });

  it('reports what a ready callback called after load throws, as it threw it, without throwing', () => {
    addScriptTag(TAG);
    const api = boot(window)!;
    const errors: SightlineError[] = [];
    api.onError((error) => errors.push(error));
    expect(() => api.ready(() => {
      throw Object.create(null);
    })).not.toThrow();
    api.ready(() => {
      throw new Error('boom');
    });
    expect(errors).toEqual([
      { code: 'callback/failed', message: 'unknown error', source: 'user' },
      { code: 'callback/failed', message: 'boom', source: 'user' },
    ]);
  });

  it('answers ready() with a promise, as the stub does', async () => {
    addScriptTag(TAG);
    const api = boot(window)!;
    await expect(api.ready(() => {})).resolves.toBeUndefined();
  });

  it('lets code written for the loaded SDK run before it loads: flush().then, use().then, an off() from on()', async () => {
    const stub = pasteStub();
    const off = stub.on!('event', () => {}) as () => void;
    expect(() => off()).not.toThrow();
    expect(() => (stub.onError!(() => {}) as () => void)()).not.toThrow();
    await expect(stub.flush!()).resolves.toBeUndefined();
    await expect(stub.use!({ name: 'noop' })).resolves.toBeUndefined();
    await expect(stub.ready!(() => {})).resolves.toBeUndefined();
  });

  it("replays sightline.commerce calls made before it loaded as the helper's event", async () => {
    const stub = pasteStub();
    stub.commerce.productViewed!({ product_id: 'p1' });
    stub.commerce.orderCompleted!({ order_id: 'o1' });
    addScriptTag(TAG);
    const api = boot(window)!;
    await api.flush();
    expect(collector.received.flatMap((r) => r.body.batch).map((e) => e.event)).toEqual(['Product Viewed', 'Order Completed']);
  });

  it('reports a missing data-endpoint instead of failing', () => {
    const stub = pasteStub();
    const codes: string[] = [];
    stub.onError!((error: SightlineError) => codes.push(error.code));
    addScriptTag({ autocapture: 'none' });
    expect(() => boot(window)).not.toThrow();
    expect((window as unknown as { sightline: BrowserApi }).sightline.__sightline).toBe(true);
    expect(codes).toEqual(['browser/missing-endpoint']);
  });
});
