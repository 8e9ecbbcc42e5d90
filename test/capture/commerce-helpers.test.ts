import { describe, expect, it } from 'vitest';
import * as capture from '../../src/capture';
import { GA4_EVENT_NAMES, GA4_ITEM_PARAMS, orderCompleted, productViewed, trackCommerce, type CommerceEvent, type Product } from '../../src/capture';
import { createFakeClient } from '../utils/capture-client';

const HELPERS: Array<[keyof typeof capture, CommerceEvent]> = [
  ['productsSearched', 'Products Searched'],
  ['productListViewed', 'Product List Viewed'],
  ['productClicked', 'Product Clicked'],
  ['productViewed', 'Product Viewed'],
  ['productAdded', 'Product Added'],
  ['productRemoved', 'Product Removed'],
  ['cartViewed', 'Cart Viewed'],
  ['checkoutStarted', 'Checkout Started'],
  ['checkoutStepViewed', 'Checkout Step Viewed'],
  ['checkoutStepCompleted', 'Checkout Step Completed'],
  ['paymentInfoEntered', 'Payment Info Entered'],
  ['orderCompleted', 'Order Completed'],
  ['orderRefunded', 'Order Refunded'],
  ['promotionViewed', 'Promotion Viewed'],
  ['promotionClicked', 'Promotion Clicked'],
  ['couponApplied', 'Coupon Applied'],
];

const SHOE: Product = { product_id: 'p1', sku: 'SKU-1', category: 'Shoes', name: 'Trail runner', brand: 'Acme', variant: 'red', price: 89.9, quantity: 1, coupon: 'SPRING', position: 3, url: 'https://shop.example/p1', image_url: 'https://shop.example/p1.jpg' };

describe('commerce helpers', () => {
  it.each(HELPERS)('%s tracks "%s" with the properties as given', (helper, event) => {
    const client = createFakeClient();
    (capture[helper] as (c: typeof client, p: object) => void)(client, { product_id: 'p1', query: 'boots', products: [SHOE] });
    expect(client.calls).toEqual([{ type: 'track', event, properties: { product_id: 'p1', query: 'boots', products: [SHOE] } }]);
  });

  it('keeps the Segment E-commerce v2 property names', () => {
    const client = createFakeClient();
    productViewed(client, SHOE);
    orderCompleted(client, { order_id: 'o1', checkout_id: 'c1', total: 99.9, revenue: 89.9, shipping: 5, tax: 5, discount: 0, coupon: 'SPRING', currency: 'EUR', products: [SHOE] });
    expect(Object.keys(client.calls[0]!.properties)).toEqual(['product_id', 'sku', 'category', 'name', 'brand', 'variant', 'price', 'quantity', 'coupon', 'position', 'url', 'image_url']);
    expect(Object.keys(client.calls[1]!.properties)).toEqual(['order_id', 'checkout_id', 'total', 'revenue', 'shipping', 'tax', 'discount', 'coupon', 'currency', 'products']);
  });

  it('types the properties of each event', () => {
    const client = createFakeClient();
    // @ts-expect-error: price is a number in the spec
    productViewed(client, { product_id: 'p1', price: '89.90' });
    // @ts-expect-error: Products Searched needs a query
    trackCommerce(client, 'Products Searched', {});
    // @ts-expect-error: not a commerce event
    trackCommerce(client, 'Product Liked', {});
    expect(client.calls).toHaveLength(3);
  });

  it('does nothing, and never throws into the caller, without a tracker', () => {
    for (const missing of [undefined, null, {}, { track: 'no' }]) expect(() => productViewed(missing as never, { product_id: 'p1' })).not.toThrow();
  });

  it('has one helper per event of the GA4 table', () => {
    expect(HELPERS.map(([, event]) => event).sort()).toEqual(Object.keys(GA4_EVENT_NAMES).sort());
  });
});

describe('GA4 mapping', () => {
  it.each([
    ['Products Searched', 'search'],
    ['Product List Viewed', 'view_item_list'],
    ['Product Clicked', 'select_item'],
    ['Product Viewed', 'view_item'],
    ['Product Added', 'add_to_cart'],
    ['Product Removed', 'remove_from_cart'],
    ['Cart Viewed', 'view_cart'],
    ['Checkout Started', 'begin_checkout'],
    ['Payment Info Entered', 'add_payment_info'],
    ['Order Completed', 'purchase'],
    ['Order Refunded', 'refund'],
    ['Promotion Viewed', 'view_promotion'],
    ['Promotion Clicked', 'select_promotion'],
  ] as const)('maps "%s" to %s', (event, ga4) => {
    expect(GA4_EVENT_NAMES[event]).toBe(ga4);
  });

  it.each(['Checkout Step Viewed', 'Checkout Step Completed', 'Coupon Applied'] as const)('maps "%s" to no GA4 event', (event) => {
    expect(GA4_EVENT_NAMES[event]).toBeNull();
  });

  it('maps product properties to GA4 item parameters', () => {
    expect(GA4_ITEM_PARAMS).toMatchObject({ product_id: 'item_id', name: 'item_name', brand: 'item_brand', category: 'item_category', variant: 'item_variant', position: 'index' });
  });
});
