import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricType } from 'web-vitals';
import { CAPTURE_ERRORS, vitals } from '../../src/capture';
import { withPlugins, type FakeClient } from '../utils/capture-client';
import { $, render } from '../utils/capture-dom';
import { eventEntry, lcpEntry, metric, NAVIGATION, shiftEntry } from '../utils/capture-vitals';

type Report = (metric: MetricType) => void;

// web-vitals needs a real browser; here each on*() hands its callback to the spec.
const registered = vi.hoisted(() => new Map<string, { report: Report; options?: Record<string, unknown> }>());
const failing = vi.hoisted(() => new Set<string>());
vi.mock('web-vitals', () => {
  const on = (name: string) => (report: Report, options?: Record<string, unknown>) => {
    if (failing.has(name)) throw new Error('no PerformanceObserver');
    registered.set(name, { report, options });
  };
  return { onLCP: on('LCP'), onINP: on('INP'), onCLS: on('CLS'), onFCP: on('FCP'), onTTFB: on('TTFB') };
});

let client: FakeClient | undefined;

beforeEach(() => {
  registered.clear();
  failing.clear();
});
afterEach(async () => {
  await client?.destroy();
  client = undefined;
});

function emit(m: MetricType): void {
  registered.get(m.name)!.report(m);
}

/** The attribution of the only "Web Vitals" event sent so far. */
const sentAttribution = (c: FakeClient): unknown => c.tracked('Web Vitals')[0]?.attribution;

describe('vitals', () => {
  it('starts all five metrics, as web-vitals reports them (final values only)', async () => {
    client = await withPlugins([vitals()]);
    expect([...registered.keys()].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    for (const { options } of registered.values()) expect(options?.reportAllChanges).toBeFalsy();
  });

  it('sends one "Web Vitals" event per metric, attributed to the element or interaction responsible', async () => {
    render('<main><img class="hero"><div class="banner">Sale</div><button id="buy">Buy</button></main>');
    client = await withPlugins([vitals()]);
    const banner = $('.banner');
    emit(metric('LCP', 2431.7, [lcpEntry($('img'), 'https://cdn.example/hero.jpg', 2431.7)]));
    emit(metric('INP', 184, [
      eventEntry('pointerdown', $('#buy'), { startTime: 1000, duration: 184, processingStart: 1012.6, processingEnd: 1050 }),
      eventEntry('click', $('#buy'), { startTime: 1000, duration: 184, processingStart: 1050, processingEnd: 1112.8 }),
    ]));
    emit(metric('CLS', 0.123456, [shiftEntry(0.02345, 500, [banner]), shiftEntry(0.10004, 1200.4, [banner.firstChild, banner])]));
    emit(metric('FCP', 900.2, [{ entryType: 'paint', name: 'first-contentful-paint', startTime: 900.2 }]));
    emit(metric('TTFB', 300.4, [NAVIGATION]));
    expect(client.tracked('Web Vitals')).toEqual([
      { name: 'LCP', value: 2432, rating: 'good', delta: 2432, id: 'v6-LCP', navigationType: 'navigate', attribution: { target: 'main > img.hero', url: 'https://cdn.example/hero.jpg' } },
      { name: 'INP', value: 184, rating: 'good', delta: 184, id: 'v6-INP', navigationType: 'navigate', attribution: { interactionTarget: '#buy', interactionType: 'pointer' } },
      { name: 'CLS', value: 0.1235, rating: 'good', delta: 0.1235, id: 'v6-CLS', navigationType: 'navigate', attribution: { largestShiftTarget: 'main > div.banner', largestShiftValue: 0.1, largestShiftTime: 1200 } },
      { name: 'FCP', value: 900, rating: 'good', delta: 900, id: 'v6-FCP', navigationType: 'navigate', attribution: {} },
      { name: 'TTFB', value: 300, rating: 'good', delta: 300, id: 'v6-TTFB', navigationType: 'navigate', attribution: {} },
    ]);
  });

  it('names the INP target from the first entry that still has one', async () => {
    render('<button id="buy">Buy</button>');
    client = await withPlugins([vitals()]);
    emit(metric('INP', 90, [
      eventEntry('pointerdown', null, { startTime: 5, duration: 90, processingStart: 6, processingEnd: 9 }),
      eventEntry('click', $('#buy'), { startTime: 5, duration: 90, processingStart: 9, processingEnd: 20 }),
    ]));
    expect(sentAttribution(client)).toEqual({ interactionTarget: '#buy', interactionType: 'pointer' });
  });

  it('never sends entries or DOM nodes, only numbers and strings (an undefined one is left out of the JSON)', async () => {
    render('<img id="hero"><button>Go</button>');
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 100, [lcpEntry($('img'), '', 100)]));
    emit(metric('INP', 40, [eventEntry('click', $('button'), { startTime: 1, duration: 40, processingStart: 2, processingEnd: 3 })]));
    emit(metric('CLS', 0.2, [shiftEntry(0.2, 10, [$('button')])]));
    for (const sent of client.tracked('Web Vitals')) {
      expect(Object.values(sent.attribution as object).every((v) => v === undefined || typeof v === 'number' || typeof v === 'string')).toBe(true);
      expect(sent).not.toHaveProperty('entries');
    }
  });

  it('names an LCP element that left the DOM by its id, and sends no url for a text element', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1500, [lcpEntry(null, '', 1500, 'hero')]));
    expect(sentAttribution(client)).toEqual({ target: '#hero' });
  });

  it('tells a keyboard interaction from a pointer one', async () => {
    render('<input id="q">');
    client = await withPlugins([vitals()]);
    emit(metric('INP', 48, [eventEntry('keydown', $('#q'), { startTime: 10, duration: 48, processingStart: 12, processingEnd: 40 })]));
    expect(sentAttribution(client)).toEqual({ interactionTarget: '#q', interactionType: 'keyboard' });
  });

  it('sends an empty attribution when the browser gave no entries (a back/forward cache restore)', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 80, []));
    expect(sentAttribution(client)).toEqual({});
  });

  it('sends a metric once per page even if web-vitals reports it again', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('CLS', 0.1));
    emit(metric('CLS', 0.2));
    expect(client.tracked('Web Vitals')).toHaveLength(1);
  });

  it('sends the metrics of a page restored from the back/forward cache (a new metric id)', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1000, [], 'v6-1'));
    emit(metric('LCP', 200, [], 'v6-2'));
    expect(client.tracked('Web Vitals').map((p) => p.id)).toEqual(['v6-1', 'v6-2']);
  });

  it('cuts long attribution strings to 100 characters', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1, [lcpEntry(null, `https://cdn.example/${'x'.repeat(500)}`, 1)]));
    expect((sentAttribution(client) as { url: string }).url).toHaveLength(100);
  });

  it('names element targets with the click capture selectors', async () => {
    render('<main><img id="hero"></main>');
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1, [lcpEntry($('img'), '', 1)]));
    expect(sentAttribution(client)).toMatchObject({ target: '#hero' });
  });

  it('starts only the metrics asked for', async () => {
    client = await withPlugins([vitals({ metrics: ['LCP', 'INP'] })]);
    expect([...registered.keys()].sort()).toEqual(['INP', 'LCP']);
  });

  it('sends nothing after teardown', async () => {
    client = await withPlugins([vitals()]);
    await client.destroy();
    emit(metric('LCP', 1));
    expect(client.calls).toEqual([]);
  });

  it('reports a metric that fails to start and starts the others', async () => {
    failing.add('INP');
    client = await withPlugins([vitals()]);
    expect(client.errors).toEqual([expect.objectContaining({ code: CAPTURE_ERRORS.vitalsFailed, detail: { plugin: 'vitals' } })]);
    expect([...registered.keys()].sort()).toEqual(['CLS', 'FCP', 'LCP', 'TTFB']);
  });
});
