import { knnScorer } from '../recommend/knn/score';
import type { KnnParams } from '../recommend/knn/params';
import type { SessionStore } from '../recommend/model/session-store';
import type { Metrics } from './metrics';
import { metricsAccumulator } from './metrics';
import type { Case } from './split';

/** What {@link evaluate} scores against. */
export interface EvalTarget {
  store: SessionStore;
  itemCount: number;
  /** Item numbers, most popular first: the fill after the kNN candidates. */
  popular: Int32Array;
  cases: readonly Case[];
}

/** Confidence shares of the top candidates and whether each was the next item (for tier calibration). */
export interface ShareSample {
  share: number;
  hit: boolean;
}

/**
 * Scores every case with the browser's scorer (top 20, popularity fill) and returns
 * the metrics; with `shares`, also the top-5 confidence shares and their outcomes.
 */
export function evaluate(t: EvalTarget, params: KnnParams, shares?: ShareSample[]): Metrics {
  const score = knnScorer(t.store, t.itemCount, params);
  const acc = metricsAccumulator();
  for (const c of t.cases) {
    const r = score({ items: c.prefix, limit: 20 });
    let rank = -1;
    for (let i = 0; i < r.count; i++) {
      if (shares && i < 5) shares.push({ share: r.scores[i]! / r.total, hit: r.items[i] === c.label });
      if (r.items[i] === c.label) rank = i;
    }
    if (rank < 0 && r.count < 20) rank = fillRank(t.popular, r.items.subarray(0, r.count), c.label, r.count);
    acc.add(rank);
  }
  return acc.result();
}

// The label's rank once the list is filled up to 20 with popular items not already in it.
function fillRank(popular: Int32Array, listed: Int32Array, label: number, count: number): number {
  let at = count;
  for (let i = 0; i < popular.length && at < 20; i++) {
    const item = popular[i]!;
    if (listed.includes(item)) continue;
    if (item === label) return at;
    at++;
  }
  return -1;
}
