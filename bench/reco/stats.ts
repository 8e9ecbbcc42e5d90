/** The p-th percentile (0–100) of `values` (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Rounds to `digits` decimals. */
export const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Median of repeated measurements. */
export const median = (values: readonly number[]): number => percentile(values, 50);
