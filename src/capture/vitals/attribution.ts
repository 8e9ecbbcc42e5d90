import type { MetricType } from 'web-vitals';
import { cssSelector } from '../shared/selector';

/** What the attribution of one metric holds before rounding: numbers and strings only. */
export type Attribution = Record<string, string | number | undefined>;

/**
 * The attribution of a metric of web-vitals' standard build, derived from its `entries`
 * and the navigation timing (web-vitals' attribution build costs 2 KB more), under
 * web-vitals' attribution names: the element or resource to blame, and the phases of
 * the metric. Empty when the browser gave no entries (a back/forward cache restore).
 */
export function attribution(metric: MetricType): Attribution {
  const { value } = metric;
  const entries: PerformanceEntry[] = metric.entries;
  const last = entries[entries.length - 1];
  const nav = performance.getEntriesByType('navigation')[0];
  // Times since navigation start; a prerendered page counts from its activation, as web-vitals does.
  const at = (t: number): number => Math.max(t - ((nav && nav.activationStart) || 0), 0);
  const ttfb = nav ? at(nav.responseStart) : 0;
  if (!last) return {};
  if (metric.name === 'TTFB') {
    const entry = last as PerformanceNavigationTiming;
    const waited = at(entry.workerStart || entry.fetchStart);
    const dns = at(entry.domainLookupStart);
    const connect = at(entry.connectStart);
    const connected = at(entry.connectEnd);
    return { waitingDuration: waited, cacheDuration: dns - waited, dnsDuration: connect - dns, connectionDuration: connected - connect, requestDuration: value - connected };
  }
  if (metric.name === 'FCP') return { timeToFirstByte: ttfb, firstByteToFCP: value - ttfb };
  if (metric.name === 'CLS') {
    // The largest shift, and its first source that is an element (as web-vitals picks it).
    const largest = metric.entries.reduce((a, b) => (a.value > b.value ? a : b));
    const sources = largest.sources || [];
    const source = sources.find(({ node }) => node && node.nodeType === 1) || sources[0];
    return { largestShiftTarget: source && cssSelector(source.node), largestShiftValue: largest.value, largestShiftTime: largest.startTime };
  }
  if (metric.name === 'LCP') {
    // The element (or `#id` once it left the DOM) and the resource of the last entry; the
    // resource's timing splits the time after the first byte into load delay, load and render.
    const { url, element, id, startTime } = last as LargestContentfulPaint;
    const resource = performance.getEntriesByType('resource').filter((r) => url && r.name === url && (r.requestStart || r.startTime) <= startTime).pop();
    const loadStart = Math.max(ttfb, resource ? at(resource.requestStart || resource.startTime) : 0);
    const loadEnd = Math.min(value, Math.max(loadStart, resource ? at(resource.responseEnd) : 0));
    return {
      target: element ? cssSelector(element) : id && `#${id}`,
      url,
      timeToFirstByte: ttfb,
      resourceLoadDelay: loadStart - ttfb,
      resourceLoadDuration: loadEnd - loadStart,
      elementRenderDelay: value - loadEnd,
    };
  }
  // INP: the interaction's entries share one start and paint; processing spans all of them.
  const { startTime, duration, name } = last as PerformanceEventTiming;
  let processingStart = Infinity;
  let processingEnd = 0;
  let target: Node | null = null;
  for (const entry of entries as PerformanceEventTiming[]) {
    processingStart = Math.min(processingStart, entry.processingStart);
    processingEnd = Math.max(processingEnd, entry.processingEnd);
    target = target || entry.target;
  }
  const paint = startTime + duration;
  processingStart = Math.min(Math.max(processingStart, startTime), paint);
  processingEnd = Math.min(Math.max(processingEnd, processingStart), paint);
  return {
    interactionTarget: cssSelector(target),
    interactionType: /^key/.test(name) ? 'keyboard' : 'pointer',
    inputDelay: processingStart - startTime,
    processingDuration: processingEnd - processingStart,
    presentationDelay: paint - processingEnd,
  };
}
