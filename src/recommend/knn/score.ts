import type { SessionStore } from '../model/session-store';
import { findNeighbours } from './neighbours';
import type { KnnParams } from './params';
import { scoreNeighbour } from './score-neighbour';
import { topK } from './top-k';
import { addTransitions } from './transitions';
import type { Workspace } from './workspace';
import { MAX_QUERY, nextTick, workspace } from './workspace';

/** The best items of one call, best first. Views into the scorer's buffers: copy before the next call. */
export interface ScoredItems {
  count: number;
  items: Int32Array;
  scores: Float64Array;
  /** Sum of all positive scores of the call (for the tier shares). */
  total: number;
}

/** What to score: item indexes, oldest first, with optional per-item weights (history < 1). */
export interface KnnQuery {
  items: ArrayLike<number>;
  weights?: ArrayLike<number>;
  /** Item indexes never returned (cart, bought, excluded). */
  exclude?: ArrayLike<number>;
  /** How many items to return. */
  limit: number;
}

/** A session-kNN scorer bound to one model's sessions. */
export type KnnScorer = (query: KnnQuery) => ScoredItems;

/**
 * Creates the scorer: neighbours from {@link findNeighbours}, then every item of each
 * neighbour scored by {@link scoreNeighbour}. Buffers are allocated on the first call.
 */
export const knnScorer = (store: SessionStore, itemCount: number, params: KnnParams): KnnScorer => {
  let ws: Workspace | undefined;
  let out = { items: new Int32Array(0), scores: new Float64Array(0) };
  return (query) => {
    ws ??= workspace(store.sessionCount, itemCount, params.neighbours);
    if (out.items.length < query.limit) out = { items: new Int32Array(query.limit), scores: new Float64Array(query.limit) };
    const nq = stampQuery(ws, params, query, itemCount);
    const k = nq ? findNeighbours(store, params, ws, ws.uniq, nq) : 0;
    let touched = 0;
    for (let i = 0; i < k; i++) {
      const s = ws.neighbours[i]!;
      touched = scoreNeighbour(store.session(s), ws.sessionWeight[s]!, params, ws, touched);
    }
    if (params.transitionWeight > 0 && nq) touched = addTransitions(store, params, ws, nq, touched);
    blend(ws, touched, params.transitionWeight);
    const ex = query.exclude ?? [];
    for (let i = 0; i < ex.length; i++) if (ws.itemStamp[ex[i]!] === ws.tick) ws.itemScore[ex[i]!] = 0;
    let total = 0;
    for (let i = 0; i < touched; i++) total += ws.itemScore[ws.touched[i]!]!;
    const count = topK(ws.itemScore, ws.touched, touched, query.limit, out.items);
    for (let i = 0; i < count; i++) out.scores[i] = ws.itemScore[out.items[i]!]!;
    return { count, items: out.items, scores: out.scores, total };
  };
};

/**
 * Mixes the two scores as shares of their own totals: (1 − w) · neighbours + w · transitions.
 * Either part may be empty (no neighbours, or transitions off).
 */
const blend = (ws: Workspace, touched: number, w: number): void => {
  let knn = 0;
  let trans = 0;
  for (let i = 0; i < touched; i++) {
    knn += ws.itemScore[ws.touched[i]!]!;
    trans += ws.transScore[ws.touched[i]!]!;
  }
  const a = knn > 0 ? (1 - w) / knn : 0;
  const b = trans > 0 ? w / trans : 0;
  for (let i = 0; i < touched; i++) {
    const item = ws.touched[i]!;
    ws.itemScore[item] = a * ws.itemScore[item]! + b * ws.transScore[item]!;
  }
};

/** Stamps the query's items with their similarity and anchor weights; returns how many are distinct. */
const stampQuery = (ws: Workspace, p: KnnParams, q: KnnQuery, itemCount: number): number => {
  const tick = nextTick(ws);
  const n = q.items.length;
  let nq = 0;
  for (let j = Math.max(0, n - MAX_QUERY); j < n; j++) {
    const item = q.items[j]!;
    if (!(item >= 0 && item < itemCount)) continue;
    if (ws.queryStamp[item] !== tick) {
      ws.queryStamp[item] = tick;
      ws.uniq[nq++] = item;
    }
    // A later occurrence overrides an earlier one: an item's weight is that of its last click.
    const w = q.weights ? q.weights[j]! : 1;
    ws.queryWeight[item] = w * Math.exp((j + 1 - n) / p.sessionDecay);
    ws.anchorWeight[item] = w * Math.exp((j + 1 - n) / p.anchorDecay);
  }
  return nq;
};
