import { canTrack } from '../../lib/can-track';
import type { Properties, SightlineClient } from '../../types';

/** A product, with the Segment E-commerce v2 property names. */
export interface Product {
  product_id?: string;
  sku?: string;
  category?: string;
  name?: string;
  brand?: string;
  variant?: string;
  price?: number;
  quantity?: number;
  coupon?: string;
  /** 1-based position in a list. */
  position?: number;
  url?: string;
  image_url?: string;
  [key: string]: unknown;
}

/** Money fields shared by carts, checkouts and orders. */
export interface OrderTotals {
  order_id?: string;
  checkout_id?: string;
  affiliation?: string;
  /** Revenue with discounts and coupons, plus shipping and tax. */
  total?: number;
  subtotal?: number;
  /** Revenue without shipping and tax. */
  revenue?: number;
  shipping?: number;
  tax?: number;
  discount?: number;
  coupon?: string;
  /** ISO 4217 code, e.g. `EUR`. */
  currency?: string;
  products?: Product[];
  [key: string]: unknown;
}

/** A checkout step. */
export interface CheckoutStep {
  checkout_id?: string;
  step?: number;
  shipping_method?: string;
  payment_method?: string;
  [key: string]: unknown;
}

/** An internal promotion (banner). */
export interface Promotion {
  promotion_id?: string;
  creative?: string;
  name?: string;
  /** Slot name, e.g. `home_banner_top`. */
  position?: string;
  [key: string]: unknown;
}

/**
 * Every Segment E-commerce v2 event this module types, with its properties.
 * https://segment.com/docs/connections/spec/ecommerce/v2/
 */
export interface CommerceEventMap {
  'Products Searched': { query: string; [key: string]: unknown };
  'Product List Viewed': { list_id?: string; category?: string; products: Product[]; [key: string]: unknown };
  'Product Clicked': Product;
  'Product Viewed': Product & { currency?: string; value?: number };
  'Product Added': Product & { cart_id?: string };
  'Product Removed': Product & { cart_id?: string };
  'Cart Viewed': { cart_id?: string; products: Product[]; [key: string]: unknown };
  'Checkout Started': OrderTotals;
  'Checkout Step Viewed': CheckoutStep;
  'Checkout Step Completed': CheckoutStep;
  'Payment Info Entered': CheckoutStep & { order_id?: string };
  'Order Completed': OrderTotals;
  'Order Refunded': OrderTotals;
  'Promotion Viewed': Promotion;
  'Promotion Clicked': Promotion;
  'Coupon Applied': { order_id?: string; cart_id?: string; coupon_id?: string; coupon_name?: string; discount?: number; [key: string]: unknown };
}

/** The name of a commerce event. */
export type CommerceEvent = keyof CommerceEventMap;

/** Anything with a `track` method: the client, or the script-tag global. */
export type Tracker = Pick<SightlineClient, 'track'>;

/**
 * Tracks a commerce event with its typed properties. The helpers below are shorthands. Without
 * a tracker it does nothing ({@link canTrack}).
 */
export const trackCommerce = <E extends CommerceEvent>(client: Tracker, event: E, properties: CommerceEventMap[E]): void => {
  if (canTrack(client)) client.track(event, properties as Properties);
};
