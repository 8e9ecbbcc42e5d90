import type { SightlineClient } from '../types';
import type { Recommendation } from './recommend-for';

/** Event names of the recommendation measurement (Segment-style Title Case). */
export const RECOMMENDATION_EVENTS = {
  viewed: 'Recommendation Viewed',
  clicked: 'Recommendation Clicked',
} as const;

/** A list of recommendations shown to the shopper. */
export interface ListView {
  /** Which widget ("pdp-similar", "cart-upsell", …): compare lists by it. */
  listId: string;
  items: readonly Recommendation[];
  /** `model.meta.version`, to compare models. */
  modelVersion: string;
}

/** One recommendation the shopper clicked. */
export interface ListClick {
  listId: string;
  item: Recommendation;
  /** 1-based position in the list, as in Segment's e-commerce spec. */
  position: number;
  modelVersion: string;
}

/**
 * Tracks "Recommendation Viewed" with the list, the model version and every item's
 * id, position and tier (`products[]`, as in Segment's Product List Viewed).
 */
export function trackRecommendationViewed(client: Pick<SightlineClient, 'track'>, v: ListView): void {
  client.track(RECOMMENDATION_EVENTS.viewed, {
    list_id: v.listId,
    model_version: v.modelVersion,
    products: v.items.map((r, i) => ({ product_id: r.itemId, position: i + 1, tier: r.tier })),
  });
}

/** Tracks "Recommendation Clicked" with the list, item id, position, tier and model version. */
export function trackRecommendationClicked(client: Pick<SightlineClient, 'track'>, c: ListClick): void {
  client.track(RECOMMENDATION_EVENTS.clicked, {
    list_id: c.listId,
    product_id: c.item.itemId,
    position: c.position,
    tier: c.item.tier,
    model_version: c.modelVersion,
  });
}
