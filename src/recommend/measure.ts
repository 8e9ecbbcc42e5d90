import { canTrack } from '../lib/can-track';
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

// Plain JavaScript may pass anything: without a tracker these do nothing (canTrack), and a
// malformed list or item leaves its fields out (the core reports what it cannot use).

/**
 * Tracks "Recommendation Viewed" with the list, the model version and every item's
 * id, position and tier (`products[]`, as in Segment's Product List Viewed).
 */
export function trackRecommendationViewed(client: Pick<SightlineClient, 'track'>, v: ListView): void {
  const { listId, items, modelVersion } = Object(v) as ListView;
  if (canTrack(client))
    client.track(RECOMMENDATION_EVENTS.viewed, {
      list_id: listId,
      model_version: modelVersion,
      products: (Array.isArray(items) ? items : []).map((r, i) => ({ product_id: Object(r).itemId, position: i + 1, tier: Object(r).tier })),
    });
}

/** Tracks "Recommendation Clicked" with the list, item id, position, tier and model version. */
export function trackRecommendationClicked(client: Pick<SightlineClient, 'track'>, c: ListClick): void {
  const { listId, item, position, modelVersion } = Object(c) as ListClick;
  if (canTrack(client))
    client.track(RECOMMENDATION_EVENTS.clicked, {
      list_id: listId,
      product_id: Object(item).itemId,
      position,
      tier: Object(item).tier,
      model_version: modelVersion,
    });
}

