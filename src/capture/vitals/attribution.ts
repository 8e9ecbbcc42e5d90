import type { MetricType } from 'web-vitals';
import { cssSelector } from '../shared/selector';
import { MAX_ATTRIBUTION } from '../constants';

/** What the attribution of one metric holds: numbers and strings only, never entries or nodes. */
export type Attribution = Record<string, string | number | undefined>;

/** A selector or URL as sent: cut, and left out when empty. */
const cut = (text: string | undefined): string | undefined => (text ? text.slice(0, MAX_ATTRIBUTION) : undefined);

/** CLS and shift values are unitless fractions: 4 decimals; everything else is whole ms. */
export const round = (value: number, fraction?: boolean): number => (fraction ? Math.round(value * 1e4) / 1e4 : Math.round(value));

/**
 * The attribution of a metric of web-vitals' standard build, derived from its `entries`
 * (web-vitals' attribution build costs 2 KB more) under web-vitals' attribution names:
 * what is to blame. LCP: the element and its image; INP: the interaction's target and
 * kind; CLS: the element that moved most in the largest shift. FCP and TTFB have no
 * element, and the attribution is empty when the browser gave no entries (a back/forward
 * cache restore).
 */
export const attribution = ({ name, entries }: MetricType): Attribution => {
  const last = entries[entries.length - 1];
  // No entries (a back/forward cache restore): nothing to blame.
  if (last) {
    if (name === 'LCP') {
      // `#id` names an element that left the DOM since it painted.
      const { url, element, id } = last as LargestContentfulPaint;
      return { target: cut(element ? cssSelector(element) : id && `#${id}`), url: cut(url) };
    }
    if (name === 'INP') {
      // The interaction's entries share one target; the first one that still has it names it.
      const entry = (entries as PerformanceEventTiming[]).find(({ target }) => target);
      return { interactionTarget: cut(entry && cssSelector(entry.target)), interactionType: /^key/.test(last.name) ? 'keyboard' : 'pointer' };
    }
    if (name == 'CLS') {
      // The largest shift, and its first source that is an element (as web-vitals picks it).
      const largest = (entries as LayoutShift[]).reduce((a, b) => (a.value > b.value ? a : b));
      const sources = largest.sources || [];
      const source = sources.find(({ node }) => node && node.nodeType == 1) || sources[0];
      return { largestShiftTarget: cut(source && cssSelector(source.node)), largestShiftValue: round(largest.value, true), largestShiftTime: round(largest.startTime) };
    }
  }
  return {};
};
