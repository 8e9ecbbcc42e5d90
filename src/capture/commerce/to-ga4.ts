import type { Properties } from '../../types';
import type { CommerceEvent } from './events';
import { GA4_EVENT_NAMES, GA4_EVENT_PARAMS, GA4_ITEM_PARAMS, GA4_PROMOTION_PARAMS } from './ga4';

/** A GA4 recommended event name: a value of {@link GA4_EVENT_NAMES}. */
export type Ga4EventName = NonNullable<(typeof GA4_EVENT_NAMES)[CommerceEvent]>;

/** A GA4 event, as `gtag('event', name, params)` takes it. */
export interface Ga4Event {
  name: Ga4EventName;
  params: Record<string, unknown>;
}

// Segment v2 events whose properties are the product itself: GA4 wants it as `items[0]`.
const ONE_PRODUCT: readonly string[] = ['Product Clicked', 'Product Viewed', 'Product Added', 'Product Removed'];

const isObject = (value: unknown): value is Properties => typeof value == 'object' && value !== null;

/** The parameters of `table` that `source` has (not `undefined`), under their GA4 names. */
const rename = (source: Properties, table: Readonly<Record<string, string>>): Record<string, unknown> => {
  const params: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(table)) {
    if (source[from] !== undefined) params[to] = source[from];
  }
  return params;
};

/** A Segment product as a GA4 item; `sku` stands in for a missing `product_id` (GA4 needs an id or a name). */
const toItem = (product: Properties): Record<string, unknown> => {
  const item = rename(product, GA4_ITEM_PARAMS);
  if (item.item_id === undefined && product.sku !== undefined) item.item_id = product.sku;
  return item;
};

/**
 * A Segment E-commerce v2 event as the GA4 recommended event, for `gtag('event', …)` or
 * a Measurement Protocol body; `null` for an event GA4 has no counterpart of
 * ({@link GA4_EVENT_NAMES}) and for any other event name (or none: a page or identify
 * event's `event` is `undefined`). Properties are renamed by
 * {@link GA4_EVENT_PARAMS} (the promotion events by {@link GA4_PROMOTION_PARAMS}),
 * `products` become `items` ({@link GA4_ITEM_PARAMS}), and:
 * - "Product Clicked / Viewed / Added / Removed" carry their product as the one item, and
 *   its `coupon` only there; without a `value`, `price` ×
 *   `quantity` (1 when missing) is the event's value, as GA4's cart reports expect;
 * - "Product List Viewed" names its list `item_list_name` from `category`.
 *
 * Other properties are left out: GA4 counts custom parameters against its limits (25 per
 * event), so add the ones you registered yourself. Pure: nothing is sent or changed.
 *
 * @example
 * sightline.on('event', (e) => {
 *   const ga4 = toGa4(e.event, e.properties);
 *   if (ga4) gtag('event', ga4.name, ga4.params);
 * });
 */
export const toGa4 = (event: string | undefined, properties?: Properties | null): Ga4Event | null => {
  // An own key only (not "constructor"); no Object.hasOwn, which Safari has only since 15.4.
  const name = typeof event == 'string' && {}.hasOwnProperty.call(GA4_EVENT_NAMES, event) ? GA4_EVENT_NAMES[event as CommerceEvent] : null;
  if (!name) return null;
  const commerceEvent = event as CommerceEvent;
  // Plain JavaScript may pass null or a primitive: no properties.
  const source: Properties = isObject(properties) ? properties : {};
  const params = rename(source, commerceEvent.startsWith('Promotion') ? GA4_PROMOTION_PARAMS : GA4_EVENT_PARAMS);
  // `products` renamed as they are is no GA4 item list: map each product, or leave it out.
  delete params.items;
  if (Array.isArray(source.products)) params.items = source.products.filter(isObject).map(toItem);
  if (ONE_PRODUCT.includes(commerceEvent)) {
    // The one property both tables name: here it is the product's, so the item's alone.
    delete params.coupon;
    params.items = [toItem(source)];
    const { price, quantity } = source;
    if (params.value === undefined && typeof price == 'number') params.value = price * (typeof quantity == 'number' ? quantity : 1);
  }
  if (commerceEvent == 'Product List Viewed' && source.category !== undefined) params.item_list_name = source.category;
  return { name, params };
};
