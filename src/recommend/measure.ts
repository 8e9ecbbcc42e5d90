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

/**
 * Tracks "Recommendation Viewed" with the list, the model version and every item's
 * id, position and tier (`products[]`, as in Segment's Product List Viewed). From plain
 * JavaScript: without a tracker it does nothing ({@link canTrack}); a malformed list or
 * item leaves its fields out (the core reports what it cannot use).
 */
export const trackRecommendationViewed = (client: Pick<SightlineClient, 'track'>, v: ListView): void => {
  const { listId, items, modelVersion } = Object(v) as ListView;
  if (canTrack(client))
    client.track(RECOMMENDATION_EVENTS.viewed, {
      list_id: listId,
      model_version: modelVersion,
      products: (Array.isArray(items) ? items : []).map((r, i) => {
        const { itemId, tier } = Object(r) as Recommendation;
        return { product_id: itemId, position: i + 1, tier };
      }),
    });
};

/** Tracks "Recommendation Clicked" with the list, item id, position, tier and model version; as above for plain JavaScript. */
export const trackRecommendationClicked = (client: Pick<SightlineClient, 'track'>, c: ListClick): void => {
  const { listId, item, position, modelVersion } = Object(c) as ListClick;
  const { itemId, tier } = Object(item) as Recommendation;
  if (canTrack(client)) client.track(RECOMMENDATION_EVENTS.clicked, { list_id: listId, product_id: itemId, position, tier, model_version: modelVersion });
};
