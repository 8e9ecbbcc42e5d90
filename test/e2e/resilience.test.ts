import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { byEventTime, fetchEvents, isSubsequence, trackNames, waitForEvents } from '../utils/e2e-collector';
import { addToCart, anonymousId, flushSdk, openCart, openProduct, presetConsent, search, visit } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

const COMMERCE = new Set(['Products Searched', 'Product List Viewed', 'Product Clicked', 'Product Viewed', 'Product Added', 'Cart Viewed']);
const commerceNames = (events: StoredEvent[]) => trackNames(byEventTime(events)).filter((name) => COMMERCE.has(name));

const env = useE2eEnv();

async function shopper(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  return { context, page: await context.newPage() };
}

describe('delivery survives what browsers do to pages', () => {
  it('loses nothing when the shopper reloads in the middle of a visit', async () => {
    const { page } = await shopper();
    await visit(page, `${env.stack.shop.url}/products/sku-1017`);
    const id = await anonymousId(page);
    await addToCart(page, 1);
    await page.reload(); // before the batch timer fires
    await page.locator('[data-testid="product-page"]').waitFor();
    await openCart(page);
    const expected = ['Product Viewed', 'Product Added', 'Product Viewed', 'Cart Viewed'];
    const events = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the events before and after the reload',
      until: (all) => isSubsequence(expected, commerceNames(all)) && all.filter((e) => e.type === 'page').length >= 3,
    });
    expect(commerceNames(events)).toEqual(expected);
    expect(events.filter((e) => e.type === 'page').map((e) => (e.payload as any).context.page.path))
      .toEqual(['/products/sku-1017', '/products/sku-1017', '/cart']);
  });

  it('still delivers "Product Added" when the tab is closed right after the click', async () => {
    const { context, page } = await shopper();
    await visit(page, `${env.stack.shop.url}/products/sku-1041`);
    const id = await anonymousId(page);
    await addToCart(page, 3);
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true }); // fires pagehide like a real tab close; does not wait
    await closed;
    expect(context.pages()).toHaveLength(0); // no other tab can deliver it from the stored queue
    const events = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'Product Added sent as the tab closed',
      until: (all) => all.some((e) => e.event === 'Product Added'),
    });
    const added = events.filter((e) => e.event === 'Product Added');
    expect(added).toHaveLength(1);
    expect((added[0]!.payload as any).properties).toMatchObject({ product_id: 'sku-1041', quantity: 3 });
  });

  it('holds events while offline and delivers all of them, once, when back online', async () => {
    const { context, page } = await shopper();
    await visit(page, `${env.stack.shop.url}/`);
    const id = await anonymousId(page);
    await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the home page events',
      until: (all) => all.some((e) => e.type === 'page') && commerceNames(all).includes('Product List Viewed'),
    });
    await context.setOffline(true);
    await search(page, 'tent');
    await openProduct(page, 'Two-Person Tent');
    await addToCart(page, 1);
    await page.click('nav [data-nav="camp"]');
    await flushSdk(page); // a send attempt that must fail while offline
    const whileOffline = await fetchEvents(env.stack.collector.url, { anonymousId: id });
    expect(commerceNames(whileOffline)).toEqual(['Product List Viewed']);
    await context.setOffline(false);
    const expected = ['Products Searched', 'Product List Viewed', 'Product Clicked', 'Product Viewed', 'Product Added', 'Product List Viewed'];
    const events = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the events made offline',
      until: (all) => isSubsequence(expected, commerceNames(all).slice(1)),
    });
    expect(commerceNames(events)).toEqual(['Product List Viewed', ...expected]);
  });
});
