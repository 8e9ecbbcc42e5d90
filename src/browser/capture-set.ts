import { clicks, commerce, context, engagement, forms, pageviews, type CommerceEventMap, type Tracker } from '../capture';
import type { Plugin } from '../types';

/**
 * What `data-autocapture` can name: the plugins bundled here, in the order autocapture uses
 * (`context` first, so the first page view is enriched), then the add-ons, plugins shipped
 * as same-origin files beside the IIFE and loaded after boot so that the script every page
 * loads stays small (web-vitals alone is ~3 KB brotli; `errors` is opt-in, so most pages
 * never need it).
 */
const PARTS: Record<string, (() => Plugin) | string> = {
  context,
  pageviews,
  clicks,
  forms,
  engagement,
  commerce,
  vitals: 'sightline-vitals.iife.js',
  errors: 'sightline-errors.iife.js',
};

/**
 * The capture plugins a script tag's `data-autocapture` asks for, and the add-on files to
 * load for the rest; unknown names are ignored.
 */
export const captureFor = (wanted: string[]): { plugins: Plugin[]; addons: string[] } => {
  // `all` means autocapture()'s defaults, every part but the opt-in `errors`, and the other
  // names add to them: `all,errors` is everything.
  const all = wanted.includes('all');
  const parts = Object.keys(PARTS)
    .filter((name) => wanted.includes(name) || (all && name != 'errors'))
    .map((name) => PARTS[name]!);
  return {
    plugins: parts.filter((part) => typeof part != 'string').map((make) => (make as () => Plugin)()),
    addons: parts.filter((part) => typeof part == 'string') as string[],
  };
};

// The Segment E-commerce v2 events, typed against capture's map so the list cannot drift.
const COMMERCE_EVENTS: Array<keyof CommerceEventMap> = [
  'Products Searched',
  'Product List Viewed',
  'Product Clicked',
  'Product Viewed',
  'Product Added',
  'Product Removed',
  'Cart Viewed',
  'Checkout Started',
  'Checkout Step Viewed',
  'Checkout Step Completed',
  'Payment Info Entered',
  'Order Completed',
  'Order Refunded',
  'Promotion Viewed',
  'Promotion Clicked',
  'Coupon Applied',
];

type CamelRest<S extends string> = S extends `${infer A} ${infer B}` ? `${Capitalize<A>}${CamelRest<B>}` : Capitalize<S>;
/** 'Product List Viewed' → 'productListViewed' (the name of capture's helper for it). */
type Camel<S extends string> = S extends `${infer A} ${infer B}` ? `${Uncapitalize<A>}${CamelRest<B>}` : Uncapitalize<S>;

/** The Segment E-commerce v2 helpers, bound to one client: `sightline.commerce.productViewed({...})`. */
export type BoundCommerce = { [E in keyof CommerceEventMap as Camel<E>]: (properties: CommerceEventMap[E]) => void };

/**
 * Binds one helper per commerce event to `client` for the script-tag API, named as capture's
 * free functions are. Built from the names rather than by importing the 16 helpers: in the
 * script every page loads, that is ~1 KB less.
 */
export const commerceFor = (client: Tracker): BoundCommerce => {
  const bound: Record<string, (properties: object) => void> = {};
  for (const event of COMMERCE_EVENTS) {
    // Every word of these names is capitalized: without the spaces, only the first letter changes.
    const method = event[0]!.toLowerCase() + event.slice(1).replace(/ /g, '');
    bound[method] = (properties) => client.track(event, properties as Record<string, unknown>);
  }
  return bound as BoundCommerce;
};
