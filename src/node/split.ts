import type { FlatSessions } from '../recommend/format/sessions';

/** One next-item case: the prefix (item numbers, oldest first) and the item that came next. */
export interface Case {
  prefix: Int32Array;
  label: number;
}

/** Training part and validation cases carved from a corpus. */
export interface Split {
  train: FlatSessions;
  cases: Case[];
}

/**
 * Carves the newest `fraction` of sessions off for validation, following the standard
 * protocol: items unseen in the training part are removed from validation sessions,
 * sessions left shorter than 2 are dropped, and `[x1..xn]` yields `[x1]→x2 … [x1..xn-1]→xn`.
 */
export function validationSplit({ offsets, items }: FlatSessions, itemCount: number, fraction = 0.1): Split {
  const sessions = offsets.length - 1;
  const cut = Math.max(1, Math.floor(sessions * (1 - fraction)));
  const seen = new Uint8Array(itemCount);
  for (let p = 0; p < offsets[cut]!; p++) seen[items[p]!] = 1;
  const cases: Case[] = [];
  for (let s = cut; s < sessions; s++) {
    const kept = Array.from(items.subarray(offsets[s]!, offsets[s + 1]!)).filter((i) => seen[i]);
    for (let j = 1; j < kept.length; j++) cases.push({ prefix: Int32Array.from(kept.slice(0, j)), label: kept[j]! });
  }
  return { train: { offsets: offsets.slice(0, cut + 1), items: items.slice(0, offsets[cut]!) }, cases };
}

/** At most `max` cases spread evenly over the list (deterministic, keeps the time mix). */
export function sampleCases(cases: Case[], max: number): Case[] {
  if (cases.length <= max) return cases;
  const step = cases.length / max;
  return Array.from({ length: max }, (_, i) => cases[Math.floor(i * step)]!);
}
