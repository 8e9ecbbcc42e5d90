import {
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
  type Tracker,
} from '../capture';
import type { Plugin } from '../types';

// In the order autocapture uses: `context` first, so the first page view is enriched.
const PLUGINS: Record<string, () => Plugin> = { context, pageviews, clicks, forms, engagement, commerce, errors };

/** What `data-autocapture="all"` means: autocapture()'s defaults (errors stay opt-in). */
const ALL = ['context', 'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals'];

/**
 * Plugins shipped as same-origin add-on files beside the IIFE and loaded after boot, so the
 * script every page loads stays small (web-vitals alone is ~3 KB brotli).
 */
export const ADDONS: Record<string, string> = { vitals: 'sightline-vitals.iife.js' };

/**
 * The capture plugins a script tag's `data-autocapture` asks for, and the add-on files to
 * load for the rest; unknown names are ignored.
 */
export function captureFor(wanted: string[] | 'all' | 'none'): { plugins: Plugin[]; addons: string[] } {
  const names = wanted === 'none' ? [] : wanted === 'all' ? ALL : wanted;
  return {
    plugins: Object.keys(PLUGINS)
      .filter((name) => names.includes(name))
      .map((name) => PLUGINS[name]!()),
    addons: Object.keys(ADDONS)
      .filter((name) => names.includes(name))
      .map((name) => ADDONS[name]!),
  };
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
