import type * as Reco from '../../src/recommend/index.ts';
import { percentile, round } from './stats.ts';
import type { TestCase } from './data.ts';

/** Accuracy in percent over all cases, ranking all items. */
export interface Accuracy {
  cases: number;
  hr20: number;
  mrr20: number;
  hr5: number;
  mrr5: number;
}

/** Per-call latency in microseconds. */
export interface Latency {
  calls: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
}

/**
 * Scores every case with `rankItems` (top 20; popularity fills the tail, so all items
 * are ranked) exactly as the browser calls it, timing each call.
 */
export function scoreAll(reco: typeof Reco, model: Reco.Model, cases: readonly TestCase[]): { accuracy: Accuracy; latency: Latency } {
  let hr20 = 0;
  let mrr20 = 0;
  let hr5 = 0;
  let mrr5 = 0;
  const times: number[] = [];
  for (const c of cases) {
    const t = performance.now();
    const ranked = reco.rankItems(model, { items: c.prefix, limit: 20 });
    times.push(performance.now() - t);
    const rank = ranked.findIndex((r) => model.ids.idOf(r.index) === c.label);
    if (rank < 0) continue;
    hr20++;
    mrr20 += 1 / (rank + 1);
    if (rank < 5) {
      hr5++;
      mrr5 += 1 / (rank + 1);
    }
  }
  const pct = (v: number): number => round((100 * v) / cases.length);
  return { accuracy: { cases: cases.length, hr20: pct(hr20), mrr20: pct(mrr20), hr5: pct(hr5), mrr5: pct(mrr5) }, latency: latencyOf(times) };
}

/** Latency of the public `recommend()` (k = 4, tiers, exclusions) with each prefix as context. */
export async function recommendLatency(reco: typeof Reco, model: Reco.Model, cases: readonly TestCase[]): Promise<Latency> {
  const r = reco.recommender({ model, persist: false });
  await r.ready;
  const times: number[] = [];
  for (const c of cases) {
    const t = performance.now();
    r.recommend({ k: 4, context: c.prefix });
    times.push(performance.now() - t);
  }
  return latencyOf(times);
}

/** Percentiles of call times given in milliseconds. */
export function latencyOf(ms: readonly number[]): Latency {
  const us = (p: number): number => round(percentile(ms, p) * 1000, 1);
  return { calls: ms.length, p50Us: us(50), p95Us: us(95), p99Us: us(99) };
}
