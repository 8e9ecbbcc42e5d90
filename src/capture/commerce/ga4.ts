import type { CommerceEvent } from './events';

/**
 * Segment E-commerce v2 event names → GA4 recommended event names. `null` where GA4 has
 * no counterpart: checkout steps (GA4 has only add_shipping_info / add_payment_info)
 * and coupons (a `coupon` parameter in GA4, not an event).
 */
export const GA4_EVENT_NAMES = {
  'Products Searched': 'search',
  'Product List Viewed': 'view_item_list',
  'Product Clicked': 'select_item',
  'Product Viewed': 'view_item',
  'Product Added': 'add_to_cart',
  'Product Removed': 'remove_from_cart',
  'Cart Viewed': 'view_cart',
  'Checkout Started': 'begin_checkout',
  'Checkout Step Viewed': null,
  'Checkout Step Completed': null,
  'Payment Info Entered': 'add_payment_info',
  'Order Completed': 'purchase',
  'Order Refunded': 'refund',
  'Promotion Viewed': 'view_promotion',
  'Promotion Clicked': 'select_promotion',
  'Coupon Applied': null,
} as const satisfies Record<CommerceEvent, string | null>;

/** Segment product properties → GA4 item parameters (`products[]` → `items[]`). */
export const GA4_ITEM_PARAMS = {
  product_id: 'item_id',
  name: 'item_name',
  brand: 'item_brand',
  category: 'item_category',
  variant: 'item_variant',
  price: 'price',
  quantity: 'quantity',
  coupon: 'coupon',
  position: 'index',
} as const;

/**
 * Segment event properties → GA4 event parameters. An explicit `value` (as "Product Viewed"
 * has) wins over `revenue`. The promotion events have a table of their own:
 * {@link GA4_PROMOTION_PARAMS}.
 */
export const GA4_EVENT_PARAMS = {
  order_id: 'transaction_id',
  affiliation: 'affiliation',
  revenue: 'value',
  value: 'value',
  currency: 'currency',
  tax: 'tax',
  shipping: 'shipping',
  coupon: 'coupon',
  products: 'items',
  list_id: 'item_list_id',
  query: 'search_term',
  payment_method: 'payment_type',
  shipping_method: 'shipping_tier',
  promotion_id: 'promotion_id',
  creative: 'creative_name',
} as const;

/**
 * Promotion properties ("Promotion Viewed", "Promotion Clicked") → GA4 `view_promotion` /
 * `select_promotion` parameters. On these two events `name` and `position` are the
 * promotion's (Segment: "home_banner_top" is a position), not a product's.
 */
export const GA4_PROMOTION_PARAMS = {
  promotion_id: 'promotion_id',
  name: 'promotion_name',
  creative: 'creative_name',
  position: 'creative_slot',
  products: 'items',
} as const;
