import type { SightlineEvent } from '../types';
import { note, type Scan } from './sanitize';

// Only events whose size bound is over the limit get here (rarely): an encoded copy is fine.
// Everything in the event is sanitized already, so JSON.stringify cannot throw.
const size = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v)).length;

/**
 * Makes the event fit `max` bytes of JSON by removing its largest properties (then traits)
 * first. Most events are far below the limit by `scan.bytes`, an upper bound from the
 * sanitize pass, and are never stringified here. Returns false when even the trimmed event
 * is too large (it must be dropped). Notes `input/too-large` in `scan` when it acted.
 */
export function fitEvent(ev: SightlineEvent, scan: Scan, max: number): boolean {
  let bytes = scan.bytes > max ? size(ev) : 0;
  if (bytes <= max) return true;
  const removed: string[] = [];
  for (const root of ['properties', 'traits'] as const) {
    const bag = ev[root] || {};
    // A key costs its value, quotes and colon (+3; the comma makes +4 unless it is the last).
    const costs = Object.keys(bag).map((k) => [k, size(bag[k]) + size(k) + 1] as const);
    for (const [k, cost] of costs.sort((a, b) => b[1] - a[1]))
      if (bytes > max) delete bag[k], (bytes -= cost), removed.push(root + '.' + k);
  }
  note(scan, 'too-large', removed.join() || 'event');
  return bytes <= max;
}
