/** Hit rate and mean reciprocal rank at 20 and at 5, in percent. */
export interface Metrics {
  hr20: number;
  mrr20: number;
  hr5: number;
  mrr5: number;
  cases: number;
}

/** Accumulates ranks (0-based; -1 = not in the list) into {@link Metrics}. */
export function metricsAccumulator(): { add(rank: number): void; result(): Metrics } {
  let n = 0;
  let hr20 = 0;
  let mrr20 = 0;
  let hr5 = 0;
  let mrr5 = 0;
  const pct = (v: number): number => (n ? Math.round((10_000 * v) / n) / 100 : 0);
  return {
    add(rank) {
      n++;
      if (rank < 0 || rank >= 20) return;
      hr20++;
      mrr20 += 1 / (rank + 1);
      if (rank < 5) {
        hr5++;
        mrr5 += 1 / (rank + 1);
      }
    },
    result: () => ({ hr20: pct(hr20), mrr20: pct(mrr20), hr5: pct(hr5), mrr5: pct(mrr5), cases: n }),
  };
}
