import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricWithAttribution } from 'web-vitals/attribution';
import { CAPTURE_ERRORS, vitals } from '../../src/capture';
import { withPlugins, type FakeClient } from '../utils/capture-client';
import { render } from '../utils/capture-dom';

type Report = (metric: MetricWithAttribution) => void;

// web-vitals needs a real browser; here each on*() hands its callback to the spec.
const registered = vi.hoisted(() => new Map<string, { report: Report; options: Record<string, unknown> }>());
const failing = vi.hoisted(() => new Set<string>());
vi.mock('web-vitals/attribution', () => {
  const on = (name: string) => (report: Report, options: Record<string, unknown>) => {
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

function metric(name: MetricWithAttribution['name'], value: number, attribution: Record<string, unknown>, id = `v5-${name}`): MetricWithAttribution {
  return { name, value, delta: value, id, rating: 'good', navigationType: 'navigate', navigationId: 1, entries: [], attribution } as unknown as MetricWithAttribution;
}

function emit(m: MetricWithAttribution): void {
  registered.get(m.name)!.report(m);
}

describe('vitals', () => {
  it('starts all five metrics, as web-vitals reports them (final values only)', async () => {
    client = await withPlugins([vitals()]);
    expect([...registered.keys()].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    for (const { options } of registered.values()) expect(options).toMatchObject({ reportAllChanges: false });
  });

  it('sends one "Web Vitals" event per metric with a trimmed attribution', async () => {
    client = await withPlugins([vitals()]);
    const huge = { entries: [{}], node: document.body };
    emit(metric('LCP', 2431.7, { target: 'main > img.hero', url: 'https://cdn.example/hero.jpg', timeToFirstByte: 300.4, resourceLoadDelay: 10.2, resourceLoadDuration: 900.9, elementRenderDelay: 5, lcpEntry: huge, navigationEntry: huge }));
    emit(metric('INP', 184, { interactionTarget: 'button#buy', interactionType: 'pointer', inputDelay: 12.6, processingDuration: 100.2, presentationDelay: 71.2, loadState: 'complete', processedEventEntries: [huge], longAnimationFrameEntries: [huge] }));
    emit(metric('CLS', 0.123456, { largestShiftTarget: 'div.banner', largestShiftValue: 0.10004, largestShiftTime: 1200.4, loadState: 'dom-content-loaded', largestShiftEntry: huge, largestShiftSource: huge }));
    emit(metric('FCP', 900.2, { timeToFirstByte: 300, firstByteToFCP: 600.2, loadState: 'dom-interactive', fcpEntry: huge }));
    emit(metric('TTFB', 300.4, { waitingDuration: 1, cacheDuration: 2, dnsDuration: 3, connectionDuration: 4, requestDuration: 290.4, navigationEntry: huge }));
    expect(client.tracked('Web Vitals')).toEqual([
      { name: 'LCP', value: 2432, rating: 'good', delta: 2432, id: 'v5-LCP', navigationType: 'navigate', attribution: { target: 'main > img.hero', url: 'https://cdn.example/hero.jpg', timeToFirstByte: 300, resourceLoadDelay: 10, resourceLoadDuration: 901, elementRenderDelay: 5 } },
      { name: 'INP', value: 184, rating: 'good', delta: 184, id: 'v5-INP', navigationType: 'navigate', attribution: { interactionTarget: 'button#buy', interactionType: 'pointer', inputDelay: 13, processingDuration: 100, presentationDelay: 71, loadState: 'complete' } },
      { name: 'CLS', value: 0.1235, rating: 'good', delta: 0.1235, id: 'v5-CLS', navigationType: 'navigate', attribution: { largestShiftTarget: 'div.banner', largestShiftValue: 0.1, largestShiftTime: 1200, loadState: 'dom-content-loaded' } },
      { name: 'FCP', value: 900, rating: 'good', delta: 900, id: 'v5-FCP', navigationType: 'navigate', attribution: { timeToFirstByte: 300, firstByteToFCP: 600, loadState: 'dom-interactive' } },
      { name: 'TTFB', value: 300, rating: 'good', delta: 300, id: 'v5-TTFB', navigationType: 'navigate', attribution: { waitingDuration: 1, cacheDuration: 2, dnsDuration: 3, connectionDuration: 4, requestDuration: 290 } },
    ]);
  });

  it('sends a metric once per page even if web-vitals reports it again', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('CLS', 0.1, {}));
    emit(metric('CLS', 0.2, {}));
    expect(client.tracked('Web Vitals')).toHaveLength(1);
  });

  it('sends the metrics of a page restored from the back/forward cache (a new metric id)', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1000, {}, 'v5-1'));
    emit(metric('LCP', 200, {}, 'v5-2'));
    expect(client.tracked('Web Vitals').map((p) => p.id)).toEqual(['v5-1', 'v5-2']);
  });

  it('cuts long attribution strings to 100 characters', async () => {
    client = await withPlugins([vitals()]);
    emit(metric('LCP', 1, { target: 'x'.repeat(500) }));
    expect((client.tracked('Web Vitals')[0]?.attribution as { target: string }).target).toHaveLength(100);
  });

  it('names element targets with the click capture selectors', async () => {
    render('<main><img id="hero"></main>');
    client = await withPlugins([vitals()]);
    const generateTarget = registered.get('LCP')!.options.generateTarget as (node: Node | null) => string | undefined;
    expect(generateTarget(document.querySelector('img'))).toBe('#hero');
    expect(generateTarget(null)).toBeUndefined();
  });

  it('starts only the metrics asked for', async () => {
    client = await withPlugins([vitals({ metrics: ['LCP', 'INP'] })]);
    expect([...registered.keys()].sort()).toEqual(['INP', 'LCP']);
  });

  it('sends nothing after teardown', async () => {
    client = await withPlugins([vitals()]);
    await client.destroy();
    emit(metric('LCP', 1, {}));
    expect(client.calls).toEqual([]);
  });

  it('reports a metric that fails to start and starts the others', async () => {
    failing.add('INP');
    client = await withPlugins([vitals()]);
    expect(client.errors).toEqual([expect.objectContaining({ code: CAPTURE_ERRORS.vitalsFailed, detail: { plugin: 'vitals' } })]);
    expect([...registered.keys()].sort()).toEqual(['CLS', 'FCP', 'LCP', 'TTFB']);
  });
});
