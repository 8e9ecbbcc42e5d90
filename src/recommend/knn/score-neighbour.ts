import type { KnnParams } from './params';
import type { Workspace } from './workspace';
import { MAX_QUERY, touch } from './workspace';

/**
 * Adds one neighbour session's votes to the item scores. Every position of the neighbour
 * that holds a query item is an anchor; an item gets, from each anchor, the anchor's
 * weight times a decay with its distance from it — after the anchor (what shoppers went
 * on to view), before it (what led there), or on it (a repeat). Anchor weights are
 * relative to the neighbour's strongest one, so the neighbour's weight `w` is what counts.
 * Returns the new number of touched items.
 */
export const scoreNeighbour = (session: Int32Array, w: number, p: KnnParams, ws: Workspace, touched: number): number => {
  const { queryStamp, anchorWeight, itemScore, matchPos, matchWeight } = ws;
  const tick = ws.tick;
  let m = 0;
  let strongest = 0;
  for (let i = 0; i < session.length && m < MAX_QUERY; i++) {
    const item = session[i]!;
    if (queryStamp[item] !== tick) continue;
    matchPos[m] = i;
    matchWeight[m] = anchorWeight[item]!;
    if (matchWeight[m]! > strongest) strongest = matchWeight[m]!;
    m++;
  }
  if (!(strongest > 0)) return touched;
  const scale = w / strongest;
  for (let i = 0; i < session.length; i++) {
    let vote = 0;
    for (let a = 0; a < m; a++) {
      const d = i - matchPos[a]!;
      const decay = d > 0 ? Math.exp((1 - d) / p.afterDecay) : d < 0 ? Math.exp(d / p.beforeDecay) : p.selfWeight;
      vote += matchWeight[a]! * decay;
    }
    const item = session[i]!;
    touched = touch(ws, item, touched);
    itemScore[item]! += vote * scale;
  }
  return touched;
};
