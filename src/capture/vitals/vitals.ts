import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals';
import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
import { attribution, round } from './attribution';

/** A Core Web Vital or one of its diagnostics. */
export type VitalName = MetricType['name'];

/** Options of {@link vitals}. */
export interface VitalsOptions {
  /** Metrics to report. Default all five: LCP, INP, CLS, FCP, TTFB. */
  metrics?: readonly VitalName[];
}

const START = { LCP: onLCP, INP: onINP, CLS: onCLS, FCP: onFCP, TTFB: onTTFB } as const;

/**
 * Core Web Vitals through web-vitals' standard build, reported as web-vitals does (final
 * values, mostly when the page is hidden): one "Web Vitals" event per metric per page
 * load (per metric `id`: a bfcache restore is a new page), with `name`, `value` (ms, CLS
 * unitless), `rating`, `delta`, `id`, `navigationType` and an `attribution` derived from
 * the metric's entries (numbers rounded, strings cut to 100 characters; never entries or
 * DOM nodes, which are large and can hold page content). Elements are named with click
 * capture's selectors.
 */
export const vitals = (options?: VitalsOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { metrics = Object.keys(START) as VitalName[] } = Object(options) as VitalsOptions;
  return capturePlugin('vitals', (scope) => {
    const sent = new Set<string>();
    const report = scope.safe((metric: MetricType) => {
      const { name, id, rating, navigationType } = metric;
      if (sent.has(id)) return;
      sent.add(id);
      scope.client.track('Web Vitals', {
        name,
        value: round(metric.value, name == 'CLS'),
        rating,
        delta: round(metric.delta, name == 'CLS'),
        id,
        navigationType,
        attribution: attribution(metric),
      });
    });
    // One name from plain JavaScript counts as a list of one; an unknown one fails alone.
    for (const name of [metrics].flat()) {
      try {
        // web-vitals' default, reportAllChanges false: final values only.
        START[name](report);
      } catch (error) {
        scope.report('capture/vitals-failed', error);
      }
    }
  });
};
