/**
 * Nearest-rank percentile (the smallest value with at least `p`% of values at or below
 * it), the method CrUX and the web-vitals docs use, so p75 is always a real sample.
 * Returns null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] ?? null;
}
