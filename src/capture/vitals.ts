import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricWithAttribution } from 'web-vitals/attribution';
import type { Plugin } from '../types';
import { CAPTURE_ERRORS } from './errors';
import { capturePlugin } from './shared/scope';
import { cssSelector } from './shared/selector';

/** A Core Web Vital or one of its diagnostics. */
export type VitalName = MetricWithAttribution['name'];

/** Options of {@link vitals}. */
export interface VitalsOptions {
  /** Metrics to report. Default all five: LCP, INP, CLS, FCP, TTFB. */
  metrics?: readonly VitalName[];
}

const START = { LCP: onLCP, INP: onINP, CLS: onCLS, FCP: onFCP, TTFB: onTTFB } as const;

/** CLS and shift values are unitless fractions: 4 decimals; everything else is whole ms. */
const round = (value: number, fraction: boolean): number => (fraction ? Math.round(value * 1e4) / 1e4 : Math.round(value));

/**
 * The attribution summary: every number and string web-vitals gives (targets, phase
 * durations, load state), rounded or cut to 100 characters; never its performance
 * entries, arrays or DOM nodes, which are large and can hold page content.
 */
function attribution(metric: MetricWithAttribution): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(metric.attribution)) {
    if (typeof value === 'number') out[key] = round(value, key === 'largestShiftValue');
    else if (typeof value === 'string') out[key] = value.slice(0, 100);
  }
  return out;
}

/**
 * Core Web Vitals through web-vitals' attribution build, reported as web-vitals does
 * (final values, mostly when the page is hidden): one "Web Vitals" event per metric per
 * page load (per metric `id`: a bfcache restore is a new page), with `name`, `value`
 * (ms, CLS unitless), `rating`, `delta`, `id`, `navigationType` and a trimmed
 * `attribution` (its numbers and strings only). Element targets use click capture's selectors.
 */
export function vitals(options: VitalsOptions = {}): Plugin {
  return capturePlugin('vitals', (scope) => {
    const sent = new Set<string>();
    const report = scope.safe((metric: MetricWithAttribution) => {
      if (sent.has(metric.id)) return;
      sent.add(metric.id);
      const cls = metric.name === 'CLS';
      scope.client.track('Web Vitals', {
        name: metric.name,
        value: round(metric.value, cls),
        rating: metric.rating,
        delta: round(metric.delta, cls),
        id: metric.id,
        navigationType: metric.navigationType,
        attribution: attribution(metric),
      });
    });
    const generateTarget = (node: Node | null): string | undefined => (node instanceof Element ? cssSelector(node) : undefined);
    for (const name of options.metrics ?? (Object.keys(START) as VitalName[])) {
      try {
        (START[name] as (cb: typeof report, opts: object) => void)(report, { reportAllChanges: false, generateTarget });
      } catch (error) {
        scope.report(CAPTURE_ERRORS.vitalsFailed, error);
      }
    }
  });
}
