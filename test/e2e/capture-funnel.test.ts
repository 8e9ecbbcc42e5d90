import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { byEventTime, isSubsequence, props, trackNames, waitForEvents } from '../utils/e2e-collector';
import { named } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';
import { addToCart, checkOut, openCart, openProduct } from '../utils/e2e-shop';

const shop = useCaptureStack();

// The purchase funnel, in the order a shopper who buys one thing causes it.
const FUNNEL = [
  'Product Viewed', 'Product Added', 'Checkout Started',
  'Checkout Step Viewed', 'Checkout Step Completed',
  'Checkout Step Viewed', 'Payment Info Entered', 'Checkout Step Completed',
  'Checkout Step Viewed', 'Checkout Step Completed', 'Order Completed',
];

let events: StoredEvent[] = [];
let orderId = '';
const at = (name: string) => Date.parse(named(events, name)[0]?.timestamp ?? '');

// Through the real UI: a category, a product, the cart (a new document), three checkout
// steps (another) and the confirmation page (a third), where the order is tracked.
beforeAll(async () => {
  const { page, anonymousId } = await shop.newShopper('/category/footwear');
  await openProduct(page, 'Winter Boot');
  await addToCart(page, 1);
  await openCart(page);
  orderId = await checkOut(page);
  events = await waitForEvents(shop.collectorUrl(), {
    anonymousId,
    describe: 'the whole funnel',
    until: (all) => isSubsequence(FUNNEL, trackNames(byEventTime(all))),
  });
});

describe('a purchase funnel through the storefront in Chromium', () => {
  it('sends the funnel events in order, each once', () => {
    const funnel = new Set(FUNNEL);
    expect(trackNames(byEventTime(events)).filter((name) => funnel.has(name))).toEqual(FUNNEL);
    expect(props(named(events, 'Order Completed')[0]).order_id).toBe(orderId);
  });

  it('adds time_to_purchase_ms to Order Completed: from the first Product Viewed, across three documents', () => {
    const completed = props(named(events, 'Order Completed')[0]);
    expect(completed.time_to_purchase_ms).toBeGreaterThan(0);
    expect(completed.time_to_purchase_ms).toBe(at('Order Completed') - at('Product Viewed'));
    expect(completed.click_to_buy_ms).toBe(at('Order Completed') - at('Product Added'));
  });

  it('adds product_dwell_ms to Product Added: from the view of the same product', () => {
    expect(props(named(events, 'Product Added')[0]).product_dwell_ms).toBe(at('Product Added') - at('Product Viewed'));
  });
});
