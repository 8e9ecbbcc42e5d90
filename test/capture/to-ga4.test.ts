import { describe, expect, it } from 'vitest';
import { GA4_EVENT_NAMES, toGa4, type CommerceEvent } from '../../src/capture';

describe('toGa4', () => {
  it('names every Segment v2 event as the GA4 table does, and has no event for the rest', () => {
    for (const [event, ga4] of Object.entries(GA4_EVENT_NAMES)) {
      expect(toGa4(event as CommerceEvent, {})?.name ?? null).toBe(ga4);
    }
    expect(toGa4('Signed Up', { plan: 'pro' })).toBeNull();
    // Not an own key of the table: no event, not Object.prototype's.
    expect(toGa4('constructor', {})).toBeNull();
    expect(toGa4('toString', {})).toBeNull();
    // A page or identify event has no `event`.
    expect(toGa4(undefined, { path: '/' })).toBeNull();
  });

  it('turns an order into a purchase with its items', () => {
    expect(
      toGa4('Order Completed', {
        order_id: 'o-1',
        affiliation: 'Web',
        total: 71,
        revenue: 60,
        shipping: 5,
        tax: 6,
        coupon: 'WINTER',
        currency: 'EUR',
        cart_id: 'c-9',
        products: [
          { product_id: 'p-1', sku: 'S-1', name: 'Scarf', brand: 'Wool & Co', category: 'Accessories', variant: 'red', price: 20, quantity: 2, position: 1 },
          { sku: 'S-2', name: 'Hat', price: 20, quantity: 1 },
        ],
      }),
    ).toEqual({
      name: 'purchase',
      params: {
        transaction_id: 'o-1',
        affiliation: 'Web',
        value: 60,
        shipping: 5,
        tax: 6,
        coupon: 'WINTER',
        currency: 'EUR',
        items: [
          { item_id: 'p-1', item_name: 'Scarf', item_brand: 'Wool & Co', item_category: 'Accessories', item_variant: 'red', price: 20, quantity: 2, index: 1 },
          // Without a product_id, the sku is the item's id.
          { item_id: 'S-2', item_name: 'Hat', price: 20, quantity: 1 },
        ],
      },
    });
  });

  it('takes an explicit value over the revenue', () => {
    expect(toGa4('Checkout Started', { revenue: 60, value: 66 })?.params.value).toBe(66);
  });

  it('makes the product of a one-product event the one item, with its coupon there alone', () => {
    expect(toGa4('Product Added', { cart_id: 'c-9', product_id: 'p-1', name: 'Scarf', price: 20, quantity: 3, coupon: 'WINTER', currency: 'EUR' })).toEqual({
      name: 'add_to_cart',
      params: { currency: 'EUR', value: 60, items: [{ item_id: 'p-1', item_name: 'Scarf', price: 20, quantity: 3, coupon: 'WINTER' }] },
    });
  });

  it.each([
    ['Product Viewed', { product_id: 'p-1', price: 20 }, 20],
    ['Product Viewed', { product_id: 'p-1', price: 20, value: 18 }, 18],
    ['Product Removed', { product_id: 'p-1', price: 20, quantity: 2 }, 40],
    ['Product Clicked', { product_id: 'p-1' }, undefined],
    ['Product Clicked', { product_id: 'p-1', price: '20' }, undefined],
  ] as const)('gives "%s" of %o the value %s (price × quantity unless given)', (event, properties, value) => {
    expect(toGa4(event, properties)?.params.value).toBe(value);
  });

  it('names a product list by its category', () => {
    expect(toGa4('Product List Viewed', { list_id: 'winter', category: 'Accessories', products: [{ product_id: 'p-1', position: 3 }] })).toEqual({
      name: 'view_item_list',
      params: { item_list_id: 'winter', item_list_name: 'Accessories', items: [{ item_id: 'p-1', index: 3 }] },
    });
  });

  it.each(['Promotion Viewed', 'Promotion Clicked'] as const)('maps the promotion of "%s": its name and position are the promotion’s', (event) => {
    expect(toGa4(event, { promotion_id: 'winter-sale', name: 'Winter sale', creative: 'banner_v2', position: 'home_banner_top' })?.params).toEqual({
      promotion_id: 'winter-sale',
      promotion_name: 'Winter sale',
      creative_name: 'banner_v2',
      creative_slot: 'home_banner_top',
    });
  });

  it('renames the search and checkout parameters', () => {
    expect(toGa4('Products Searched', { query: 'wool scarf' })?.params).toEqual({ search_term: 'wool scarf' });
    expect(toGa4('Payment Info Entered', { checkout_id: 'k-1', step: 3, payment_method: 'card', shipping_method: 'express' })?.params).toEqual({
      payment_type: 'card',
      shipping_tier: 'express',
    });
  });

  it('leaves out properties GA4 has no parameter for, and undefined ones', () => {
    expect(toGa4('Cart Viewed', { cart_id: 'c-9', currency: undefined, products: [] })?.params).toEqual({ items: [] });
  });

  it('takes bad input from plain JavaScript without throwing', () => {
    expect(toGa4('Cart Viewed', null)).toEqual({ name: 'view_cart', params: {} });
    expect(toGa4('Cart Viewed', 'cart' as never)).toEqual({ name: 'view_cart', params: {} });
    expect(toGa4('Cart Viewed', undefined)).toEqual({ name: 'view_cart', params: {} });
    // products that are no list, and entries that are no product, give no items.
    expect(toGa4('Cart Viewed', { products: 'p-1' })?.params).toEqual({});
    expect(toGa4('Cart Viewed', { products: [null, 'p-1', { product_id: 'p-2' }] })?.params).toEqual({ items: [{ item_id: 'p-2' }] });
  });

  it('changes nothing it is given', () => {
    const properties = { order_id: 'o-1', products: [{ product_id: 'p-1' }] };
    const copy = structuredClone(properties);
    toGa4('Order Completed', properties);
    expect(properties).toEqual(copy);
  });
});
