import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { byEventTime, isSubsequence, props, trackNames, waitForEvents } from '../utils/e2e-collector';
import { SHOPPER, addToCart, anonymousId, applyCoupon, checkOut, openCart, openProduct, presetConsent, search, visit, waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// The Segment E-commerce v2 events of the journey below, in the order the shopper causes them.
const JOURNEY = [
  'Products Searched', 'Product List Viewed', 'Product Clicked', 'Product Viewed', 'Product Added',
  'Product List Viewed', 'Product List Filtered', 'Product Clicked', 'Product Viewed', 'Product Added',
  'Cart Viewed', 'Product Removed', 'Coupon Entered', 'Coupon Applied',
  'Checkout Started', 'Checkout Step Viewed', 'Checkout Step Completed',
  'Checkout Step Viewed', 'Payment Info Entered', 'Checkout Step Completed',
  'Checkout Step Viewed', 'Checkout Step Completed', 'Order Completed',
];
const COMMERCE = new Set(JOURNEY);

const env = useE2eEnv();
let context: BrowserContext;
let page: Page;
let events: StoredEvent[] = [];
let orderId = '';
let jacketPrice = 0;

const priceOnPage = async () => Number((await page.locator('[data-testid="product-price"]').textContent())!.replace(/[^\d.]/g, ''));
// The commerce events from the search on (the home page's list view came before it).
function journey(): StoredEvent[] {
  const commerce = byEventTime(events).filter((e) => e.type === 'track' && COMMERCE.has(String(e.event)));
  return commerce.slice(Math.max(0, commerce.findIndex((e) => e.event === 'Products Searched')));
}
const named = (name: string) => journey().filter((e) => e.event === name);

describe('a shopper journey in Chromium', () => {
  beforeAll(async () => {
    context = await env.browser.newContext();
    page = await context.newPage();
    await visit(page, `${env.stack.shop.url}/`);
    await page.click('[data-testid="consent-accept"]');
    await search(page, 'jacket');
    await openProduct(page, 'Softshell Jacket');
    jacketPrice = await priceOnPage();
    await addToCart(page, 2);
    await page.click('nav [data-nav="packs"]');
    await page.check('input[name="price"][value="50-100"]');
    await page.waitForURL(/price=50-100/);
    await openProduct(page, 'Daypack 22L');
    await addToCart(page, 1);
    await openCart(page);
    await page.locator('[data-product-id="sku-1009"] [data-change="-1"]').click();
    await page.locator('[data-testid="cart-line"]').nth(1).waitFor({ state: 'detached' });
    await applyCoupon(page, 'WELCOME10');
    orderId = await checkOut(page);
    events = await waitForEvents(env.stack.collector.url, {
      describe: 'the whole journey',
      until: (all) => isSubsequence(JOURNEY, trackNames(byEventTime(all))),
    });
  });

  it('delivers the commerce events in the order the shopper caused them, each once', () => {
    expect(trackNames(journey())).toEqual(JOURNEY);
  });

  it('gives every event of the visit one anonymousId', () => {
    const ids = new Set(events.map((e) => e.anonymousId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[\w-]{8,}$/);
  });

  it('identifies the shopper with a hash of the email and never sends the email', () => {
    const expected = `u_${createHash('sha256').update(SHOPPER.email.toLowerCase()).digest('hex').slice(0, 32)}`;
    const identify = events.find((e) => e.type === 'identify');
    expect(identify?.userId).toBe(expected);
    expect(named('Order Completed')[0]?.userId).toBe(expected);
    const everything = JSON.stringify(events.map((e) => e.payload)).toLowerCase();
    expect(everything).not.toContain(SHOPPER.email.toLowerCase());
  });

  it('sends product events with the Segment v2 product properties', () => {
    const [searched] = named('Products Searched');
    const [clicked] = named('Product Clicked');
    const [viewed] = named('Product Viewed');
    const [added] = named('Product Added');
    expect(props(searched)).toMatchObject({ query: 'jacket' });
    expect(props(clicked)).toMatchObject({ product_id: 'sku-1005', name: 'Softshell Jacket', list_id: 'search-results' });
    expect(props(clicked).position).toBeGreaterThanOrEqual(1);
    expect(props(viewed)).toMatchObject({ product_id: 'sku-1005', category: 'Jackets', price: jacketPrice, currency: 'USD' });
    expect(props(viewed).sku).toMatch(/^SO-/);
    expect(props(viewed).brand).toEqual(expect.any(String));
    expect(props(added)).toMatchObject({ product_id: 'sku-1005', quantity: 2, price: jacketPrice });
    expect(props(added).cart_id).toMatch(/^cart_/);
  });

  it('sends list, cart and coupon events with their spec properties', () => {
    const lists = named('Product List Viewed');
    expect(lists.map((e) => props(e).list_id)).toEqual(['search-results', 'packs']);
    expect(props(lists[1]).products[0]).toMatchObject({ position: 1, list_id: 'packs' });
    expect(props(named('Product List Filtered')[0])).toMatchObject({ list_id: 'packs', filters: [{ type: 'price', value: '50-100' }] });
    expect(props(named('Product List Filtered')[0]).products.every((p: { price: number }) => p.price >= 50 && p.price < 100)).toBe(true);
    expect(props(named('Cart Viewed')[0]).products.map((p: { product_id: string }) => p.product_id)).toEqual(['sku-1005', 'sku-1009']);
    expect(props(named('Product Removed')[0])).toMatchObject({ product_id: 'sku-1009', quantity: 1 });
    expect(props(named('Coupon Applied')[0])).toMatchObject({ coupon_id: 'WELCOME10' });
    expect(props(named('Coupon Applied')[0]).discount).toBeCloseTo(jacketPrice * 2 * 0.1, 2);
  });

  it('numbers the checkout steps 1 to 3 under one checkout id', () => {
    const completed = named('Checkout Step Completed');
    expect(named('Checkout Step Viewed').map((e) => props(e).step)).toEqual([1, 2, 3]);
    expect(completed.map((e) => props(e).step)).toEqual([1, 2, 3]);
    expect(new Set(journey().filter((e) => String(e.event).startsWith('Checkout') || e.event === 'Payment Info Entered')
      .map((e) => props(e).checkout_id)).size).toBe(1);
    expect(props(named('Payment Info Entered')[0])).toMatchObject({ payment_method: 'card', shipping_method: 'standard' });
  });

  it('completes the order with consistent totals and the products bought', () => {
    const order = props(named('Order Completed')[0]);
    expect(order.order_id).toBe(orderId);
    expect(order.currency).toBe('USD');
    expect(order.coupon).toBe('WELCOME10');
    expect(order.products).toEqual([expect.objectContaining({ product_id: 'sku-1005', quantity: 2, price: jacketPrice })]);
    expect(order.subtotal).toBeCloseTo(jacketPrice * 2, 2);
    expect(order.revenue).toBeCloseTo(order.subtotal - order.discount, 2);
    expect(order.tax).toBeCloseTo(order.revenue * 0.08, 2);
    expect(order.total).toBeCloseTo(order.revenue + order.shipping + order.tax, 2);
  });
});

// Edges of the same flows, each in a browser context of its own (its own cart and anonymousId).
describe('the storefront at the edges of its flows', () => {
  async function shopper(): Promise<{ page: Page; id: string }> {
    const fresh = await env.browser.newContext();
    await presetConsent(fresh, 'accepted');
    const tab = await fresh.newPage();
    await visit(tab, `${env.stack.shop.url}/`);
    return { page: tab, id: await anonymousId(tab) };
  }

  it('sends Product Added with the quantity the cart took, and none when the cart holds the most it can (10)', async () => {
    const { page: tab, id } = await shopper();
    await tab.goto(`${env.stack.shop.url}/products/sku-1005`);
    await waitForSdk(tab);
    const add = async (quantity: number, badge: number) => {
      await tab.fill('#qty', String(quantity));
      await tab.click('[data-testid="add-to-cart"]');
      await tab.waitForFunction((n) => document.querySelector('[data-cart-count]')?.textContent === String(n), badge);
    };
    await add(8, 8);
    await add(5, 10); // only 2 more fit
    await tab.click('[data-testid="add-to-cart"]'); // none fit
    await tab.locator('.toast', { hasText: 'already' }).waitFor();
    await openCart(tab); // Cart Viewed comes after every Product Added the product page sent
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'Cart Viewed after the adds',
      until: (all) => all.some((e) => e.event === 'Cart Viewed'),
    });
    expect(stored.filter((e) => e.event === 'Product Added').map((e) => props(e).quantity)).toEqual([8, 2]);
    expect(props(stored.find((e) => e.event === 'Cart Viewed')).products).toEqual([expect.objectContaining({ product_id: 'sku-1005', quantity: 10 })]);
    await tab.context().close();
  });

  it('drops a coupon from the order once the cart no longer qualifies for it, and says so on the cart', async () => {
    const { page: tab, id } = await shopper();
    for (const sku of ['sku-1001', 'sku-1012']) { // $188.95 and $38.95: over TRAIL20's $150, then under
      await tab.goto(`${env.stack.shop.url}/products/${sku}`);
      await waitForSdk(tab);
      await addToCart(tab, 1);
    }
    await openCart(tab);
    await applyCoupon(tab, 'TRAIL20');
    await tab.locator('[data-product-id="sku-1001"] [data-remove]').click();
    await tab.locator('[data-testid="cart-line"]').nth(1).waitFor({ state: 'detached' });
    await expect.poll(() => tab.locator('.summary').textContent()).toContain('TRAIL20 needs a subtotal of $150');
    await tab.click('[data-testid="checkout-button"]');
    await tab.locator('[data-step-form="1"]').waitFor();
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'Checkout Started',
      until: (all) => all.some((e) => e.event === 'Checkout Started'),
    });
    const started = props(stored.find((e) => e.event === 'Checkout Started'));
    expect(started).toMatchObject({ subtotal: 38.95, discount: 0, revenue: 38.95 });
    expect(started).not.toHaveProperty('coupon');
    await tab.context().close();
  });

  it('keeps the cart_id of an empty cart viewed first for the products added to it', async () => {
    const { page: tab, id } = await shopper();
    await openCart(tab);
    // The cart's own module tracks "Cart Viewed" after the SDK is ready: leave once it has.
    await waitForEvents(env.stack.collector.url, { anonymousId: id, describe: 'Cart Viewed', until: (all) => all.some((e) => e.event === 'Cart Viewed') });
    await tab.goto(`${env.stack.shop.url}/products/sku-1005`);
    await waitForSdk(tab);
    await addToCart(tab, 1);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'Cart Viewed and Product Added',
      until: (all) => ['Cart Viewed', 'Product Added'].every((name) => all.some((e) => e.event === name)),
    });
    const cartIds = ['Cart Viewed', 'Product Added'].map((name) => props(stored.find((e) => e.event === name)).cart_id);
    expect(cartIds[0]).toMatch(/^cart_/);
    expect(cartIds[1]).toBe(cartIds[0]);
    await tab.context().close();
  });

  it('titles the page view of a product page opened directly with the product', async () => {
    const { page: tab, id } = await shopper();
    await tab.goto(`${env.stack.shop.url}/products/sku-1005`);
    await waitForSdk(tab);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the page view of /products/sku-1005',
      until: (all) => all.some((e) => e.type === 'page' && props(e).path === '/products/sku-1005'),
    });
    expect(props(stored.find((e) => e.type === 'page' && props(e).path === '/products/sku-1005')).title).toBe('Softshell Jacket — Sightline Outfitters');
    await tab.context().close();
  });

  // Before, it showed "All gear" with an empty grid and sent "Product List Viewed" of list "nope".
  it('says a category the shop does not have is not there, and sends no list for it', async () => {
    const { page: tab, id } = await shopper();
    await tab.goto(`${env.stack.shop.url}/category/nope`);
    await waitForSdk(tab);
    await expect.poll(() => tab.locator('#main h1').textContent()).toBe('We could not find that category');
    await tab.evaluate(() => (window as any).sightline.flush());
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the page view of /category/nope',
      until: (all) => all.some((e) => e.type === 'page' && props(e).path === '/category/nope'),
    });
    expect(props(stored.find((e) => e.type === 'page' && props(e).path === '/category/nope')).title).toBe('Not found — Sightline Outfitters');
    expect(stored.filter((e) => e.event === 'Product List Viewed' && props(e).list_id === 'nope')).toEqual([]);
    await tab.context().close();
  });
});
