import type { SessionStore } from '../model/session-store';
import type { KnnParams } from './params';
import { topK } from './top-k';
import type { Workspace } from './workspace';

/**
 * Finds the neighbour sessions of a query whose items are already stamped in `ws`
 * (`uniq` lists them). Candidates are the `sample` most recent sessions of each query
 * item; each is weighted by its recency-weighted overlap with the query, divided by
 * (|query|·|neighbour|)^lengthNorm, times its own recency. Returns how many of the
 * best `neighbours` were written to `ws.neighbours`; their weights stay in `ws.sessionWeight`.
 */
export const findNeighbours = (store: SessionStore, p: KnnParams, ws: Workspace, uniq: Int32Array, nq: number): number => {
  const { sessionStamp, sessionWeight, candidates, queryWeight } = ws;
  const tick = ws.tick;
  let n = 0;
  for (let u = 0; u < nq; u++) {
    const item = uniq[u]!;
    const post = store.postings(item);
    if (!post) continue;
    const w = queryWeight[item]!;
    for (let q = Math.max(0, post.length - p.sample); q < post.length; q++) {
      const s = post[q]!;
      if (sessionStamp[s] !== tick) {
        sessionStamp[s] = tick;
        sessionWeight[s] = 0;
        candidates[n++] = s;
      }
      sessionWeight[s]! += w;
    }
  }
  const newest = store.sessionCount - 1;
  for (let c = 0; c < n; c++) {
    const s = candidates[c]!;
    let v = sessionWeight[s]! / Math.pow(nq * Math.max(1, store.sessionLength(s)), p.lengthNorm);
    if (p.timeDecay > 0) v *= Math.exp((s - newest) / p.timeDecay);
    sessionWeight[s] = v;
  }
  return topK(sessionWeight, candidates, n, p.neighbours, ws.neighbours);
};
