import {
  autocapture,
  cartViewed,
  checkoutStarted,
  checkoutStepCompleted,
  checkoutStepViewed,
  clicks,
  commerce,
  context,
  couponApplied,
  engagement,
  errors,
  forms,
  orderCompleted,
  orderRefunded,
  pageviews,
  paymentInfoEntered,
  productAdded,
  productClicked,
  productListViewed,
  productRemoved,
  productsSearched,
  productViewed,
  promotionClicked,
  promotionViewed,
  vitals,
  type Tracker,
} from '../capture';
import type { Plugin } from '../types';

// In the order autocapture uses: `context` first, so the first page view is enriched.
const PLUGINS: Record<string, () => Plugin> = { context, pageviews, clicks, forms, engagement, commerce, vitals, errors };

/** The capture plugins a script tag's `data-autocapture` asks for; unknown names are ignored. */
export function captureFor(wanted: string[] | 'all' | 'none'): Plugin[] {
  if (wanted === 'none') return [];
  if (wanted === 'all') return autocapture();
  return Object.keys(PLUGINS)
    .filter((name) => wanted.includes(name))
    .map((name) => PLUGINS[name]!());
}

const HELPERS = {
  productsSearched,
  productListViewed,
  productClicked,
  productViewed,
  productAdded,
  productRemoved,
  cartViewed,
  checkoutStarted,
  checkoutStepViewed,
  checkoutStepCompleted,
  paymentInfoEntered,
  orderCompleted,
  orderRefunded,
  promotionViewed,
  promotionClicked,
  couponApplied,
};

/** The Segment E-commerce v2 helpers, bound to one client: `sightline.commerce.productViewed({...})`. */
export type BoundCommerce = { [K in keyof typeof HELPERS]: (properties: Parameters<(typeof HELPERS)[K]>[1]) => void };

/** Binds every commerce helper to `client` for the script-tag API. */
export function commerceFor(client: Tracker): BoundCommerce {
  const bound: Record<string, (properties: never) => void> = {};
  for (const [name, helper] of Object.entries(HELPERS)) bound[name] = (properties) => helper(client, properties);
  return bound as BoundCommerce;
}
