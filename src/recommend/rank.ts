import type { KnnScorer } from './knn/score';
import { knnScorer } from './knn/score';
import { countUpTo, idList } from './input';
import { isModel, type Model } from './model/model';

/** One ranked item: an item index of the model and why it is there. */
export interface RankedItem {
  index: number;
  /** Session-kNN score (0 for popularity fill). */
  score: number;
  /** Share of the call's scored mass (0–1): the confidence the tiers read. */
  share: number;
  source: 'neighbours' | 'popular';
}

/** What to rank for: shop item ids, oldest first. */
export interface RankQuery {
  items: readonly (string | number)[];
  /** Per-item weights (1 = current session; less for older history). */
  weights?: readonly number[];
  exclude?: readonly (string | number)[];
  limit: number;
}

const scorers = new WeakMap<Model, KnnScorer>();

/**
 * Ranks items for a query: session-kNN first, then the most popular items not yet
 * listed or excluded. Unknown ids are ignored. Pure computation on the model; the
 * benchmark calls this exact function.
 */
export const rankItems = (model: Model, query: RankQuery): RankedItem[] => {
  // Plain JavaScript may pass anything: what is not a model and a query ranks nothing.
  if (!isModel(model) || !Array.isArray(Object(query).items)) return [];
  let scorer = scorers.get(model);
  if (!scorer) scorers.set(model, (scorer = knnScorer(model.store, model.meta.itemCount, model.params)));
  const items: number[] = [];
  const weights: number[] = [];
  query.items.forEach((id, i) => {
    const index = model.ids.indexOf(id);
    if (index < 0) return;
    items.push(index);
    weights.push(query.weights?.[i] ?? 1);
  });
  const exclude = idList(query.exclude).map((id) => model.ids.indexOf(id)).filter((i) => i >= 0);
  // No more than the model has: the scorer allocates `limit` slots.
  const limit = countUpTo(query.limit, model.meta.itemCount);
  const scored = scorer({ items, weights, exclude, limit });
  const out: RankedItem[] = [];
  for (let i = 0; i < scored.count; i++) {
    const score = scored.scores[i]!;
    out.push({ index: scored.items[i]!, score, share: scored.total > 0 ? score / scored.total : 0, source: 'neighbours' });
  }
  if (out.length < limit) fillPopular(model, out, new Set(exclude), limit);
  return out;
};

/** Appends the most popular items that are neither listed nor excluded, up to `limit`. */
export const fillPopular = (model: Model, out: RankedItem[], exclude: Set<number>, limit: number): void => {
  const taken = new Set(out.map((r) => r.index));
  for (let i = 0; i < model.meta.itemCount && out.length < limit; i++) {
    if (!taken.has(i) && !exclude.has(i)) out.push({ index: i, score: 0, share: 0, source: 'popular' });
  }
};
