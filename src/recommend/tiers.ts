import type { RankedItem } from './rank';

/** How sure the recommender is, in three steps a storefront can style differently. */
export type Tier = 'must-buy' | 'you-may-like' | 'explore';

/** Why an item was recommended. */
export type Reason = 'similar-sessions' | 'popular';

/** A ranked item placed in a tier (item index still internal). */
export interface TieredItem {
  index: number;
  score: number;
  tier: Tier;
  reason: Reason;
}

/** Options of {@link assignTiers}. */
export interface TierOptions {
  k: number;
  /** Slots kept for "explore" items (popular items outside the neighbourhood). */
  explore: number;
  /** Share of the scored mass from which a neighbourhood item is "must-buy" (from the model). */
  mustBuyShare: number;
}

/**
 * Picks `k` items in tiers: neighbourhood items first — "must-buy" while their share of
 * the scored mass reaches the model's calibrated threshold, then "you-may-like" — and
 * `explore` slots for popular items the neighbourhood did not suggest (shown last, to
 * widen the choice). Slots the neighbourhood cannot fill go to explore items too.
 */
export const assignTiers = (ranked: readonly RankedItem[], popular: readonly RankedItem[], o: TierOptions): TieredItem[] => {
  const near = ranked.filter((r) => r.source === 'neighbours');
  const tiered = (r: RankedItem): TieredItem => ({
    index: r.index,
    score: r.share,
    tier: r.share >= o.mustBuyShare ? 'must-buy' : 'you-may-like',
    reason: 'similar-sessions',
  });
  const first = Math.max(0, o.k - o.explore);
  const out = near.slice(0, first).map(tiered);
  const neighbourhood = new Set(near.map((r) => r.index));
  for (const p of popular) {
    if (out.length >= o.k) break;
    if (!neighbourhood.has(p.index)) out.push({ index: p.index, score: 0, tier: 'explore', reason: 'popular' });
  }
  // A catalog too small for explore items: give the slots back to the neighbourhood.
  for (const r of near.slice(first)) if (out.length < o.k) out.push(tiered(r));
  return out;
};
