import type { MetricType } from 'web-vitals';

/** A metric as web-vitals' standard build reports it, with `entries` shaped like the browser's. */
export function metric(name: MetricType['name'], value: number, entries: object[] = [], id = `v6-${name}`): MetricType {
  return { name, value, delta: value, id, rating: 'good', navigationType: 'navigate', navigationId: 1, entries } as unknown as MetricType;
}

/** A PerformanceNavigationTiming entry, as TTFB's entries hold it (ms since time origin). */
export const NAVIGATION = {
  entryType: 'navigation',
  name: 'http://localhost:3000/',
  startTime: 0,
  activationStart: 0,
  workerStart: 0,
  fetchStart: 1,
  domainLookupStart: 3,
  connectStart: 6,
  connectEnd: 10,
  requestStart: 11,
  responseStart: 300.4,
};

/** A LargestContentfulPaint entry. */
export const lcpEntry = (element: Element | null, url = '', startTime = 0, id = ''): object => ({ entryType: 'largest-contentful-paint', element, url, id, startTime, renderTime: startTime, loadTime: 0, size: 1 });

/** A PerformanceEventTiming entry of one interaction. */
export const eventEntry = (name: string, target: Node | null, timing: { startTime: number; duration: number; processingStart: number; processingEnd: number }): object => ({
  entryType: 'event',
  name,
  target,
  interactionId: 7,
  ...timing,
});

/** A LayoutShift entry with its sources' nodes. */
export const shiftEntry = (value: number, startTime: number, nodes: Array<Node | null>): object => ({
  entryType: 'layout-shift',
  value,
  startTime,
  hadRecentInput: false,
  sources: nodes.map((node) => ({ node, previousRect: {}, currentRect: {} })),
});
