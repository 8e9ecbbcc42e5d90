import { countUpTo, idList } from './input';
import type { Model } from './model/model';
import type { RankedItem } from './rank';
import { fillPopular, rankItems } from './rank';
import type { Shopper } from './shopper';
import type { Reason, Tier } from './tiers';
import { assignTiers } from './tiers';

/** Options of `recommend()`. */
export interface RecommendOptions {
  /** How many items (default 4; shops show 3–5). */
  k?: number;
  /** Item ids to treat as just viewed, e.g. the product on this page (most recent last). */
  context?: readonly (string | number)[];
  /** Item ids never to recommend (besides the cart and purchases, always excluded). */
  exclude?: readonly (string | number)[];
  /** Slots kept for "explore" items (default 1 when k ≥ 4, else 0). */
  explore?: number;
  /**
   * Leave out the item being looked at — `context` and the session's latest item
   * (default true: a widget should not suggest the product on screen). Items viewed
   * earlier in the session may still come back.
   */
  excludeCurrent?: boolean;
}

/** One recommendation. */
export interface Recommendation {
  itemId: string;
  /** Confidence: the item's share of the scored mass (0–1); 0 for popularity picks. */
  score: number;
  tier: Tier;
  reason: Reason;
}

/** Most earlier-session items used as context: older ones weigh next to nothing. */
const MAX_EARLIER = 20;

/** Candidates considered: the "neighbourhood" that explore items are chosen outside of. */
const NEIGHBOURHOOD = 50;

/** Builds the query from the shopper and options, ranks, and places items in tiers. */
export const recommendFor = (model: Model, shopper: Shopper, o: RecommendOptions & { historyWeight: number }): Recommendation[] => {
  const k = countUpTo(o.k ?? 4, 100);
  if (k === 0) return [];
  const earlier = shopper.earlier().slice(-MAX_EARLIER);
  const context = idList(o.context).map(String);
  const session = [...shopper.session(), ...context];
  const items = [...earlier, ...session];
  const weights = [...earlier.map(() => o.historyWeight), ...session.map(() => 1)];
  const current = o.excludeCurrent === false ? [] : context.length ? context : session.slice(-1);
  const exclude = [...shopper.owned(), ...current, ...idList(o.exclude).map(String)];
  void model.store.prepare?.(items.map((id) => model.ids.indexOf(id)));
  const ranked = rankItems(model, { items, weights, exclude, limit: Math.max(NEIGHBOURHOOD, k) });
  // Explore picks: popular, not excluded, not already seen by this shopper, not in the neighbourhood.
  const skip = new Set([...exclude, ...items].map((id) => model.ids.indexOf(id)));
  for (const r of ranked) if (r.source === 'neighbours') skip.add(r.index);
  const popular: RankedItem[] = [];
  fillPopular(model, popular, skip, k);
  // From plain JavaScript: a negative or non-numeric `explore` must not make more than k slots.
  const explore = countUpTo(o.explore ?? (k >= 4 ? 1 : 0), k);
  const tiered = assignTiers(ranked, popular, { k, explore, mustBuyShare: model.tiers.mustBuyShare });
  return tiered.map((t) => ({ itemId: model.ids.idOf(t.index), score: round(t.score), tier: t.tier, reason: t.reason }));
};

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
