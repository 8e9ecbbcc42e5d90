import type { SessionStore } from '../model/session-store';
import type { KnnParams } from './params';
import type { Workspace } from './workspace';
import { touch } from './workspace';

/** Positions before and after an occurrence that count as transitions. */
const WINDOW = 3;
/** Weight of an item seen before (rather than after) the session item. */
const BACKWARD = 0.5;
/** Query items weighing less than this are skipped: their transitions would not move the ranking. */
const MIN_WEIGHT = 0.02;

/**
 * Adds item-transition scores to `ws.transScore`: for each session item, what came
 * within three clicks after (or, at half weight, before) it in its `sample` most recent
 * sessions, with the neighbour votes' distance decays and session recency. Each item's
 * transitions are normalized to sum to its weight in the query, so a popular item does
 * not drown the others. Returns the new touched count.
 */
export const addTransitions = (store: SessionStore, p: KnnParams, ws: Workspace, nq: number, touched: number): number => {
  for (let u = 0; u < nq; u++) {
    const x = ws.uniq[u]!;
    const post = store.postings(x);
    if (!post || ws.queryWeight[x]! < MIN_WEIGHT) continue;
    // The mass depends only on the model: computed once per item, then cached.
    if (!(ws.transMass[x]! >= 0)) ws.transMass[x] = walk(store, p, post, x, () => {});
    const mass = ws.transMass[x]!;
    if (!(mass > 0)) continue;
    const scale = ws.queryWeight[x]! / mass;
    walk(store, p, post, x, (item, w) => {
      touched = touch(ws, item, touched);
      ws.transScore[item]! += w * scale;
    });
  }
  return touched;
};

/** Calls `fn(item, weight)` for every transition of `x` in its recent sessions; returns the total weight. */
const walk = (store: SessionStore, p: KnnParams, post: Int32Array, x: number, fn: (item: number, w: number) => void): number => {
  const newest = store.sessionCount - 1;
  let mass = 0;
  for (let q = Math.max(0, post.length - p.sample); q < post.length; q++) {
    const s = post[q]!;
    const rec = p.timeDecay > 0 ? Math.exp((s - newest) / p.timeDecay) : 1;
    const items = store.session(s);
    for (let i = 0; i < items.length; i++) {
      if (items[i] !== x) continue;
      const last = Math.min(items.length - 1, i + WINDOW);
      for (let j = Math.max(0, i - WINDOW); j <= last; j++) {
        const d = j - i;
        const w = rec * (d > 0 ? Math.exp((1 - d) / p.afterDecay) : d < 0 ? BACKWARD * Math.exp((1 + d) / p.beforeDecay) : 1);
        fn(items[j]!, w);
        mass += w;
      }
    }
  }
  return mass;
};
