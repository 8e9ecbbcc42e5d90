import { describe, expect, it } from 'vitest';
import { props, waitForEvents } from '../utils/e2e-collector';
import { checkpoint, contextOf, named } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';
import { addToCart, openCart, openProduct } from '../utils/e2e-shop';

const shop = useCaptureStack();

describe('page views of the single-page shop in Chromium', () => {
  it('sends one page view per route, each with the path it came from, and no duplicates', async () => {
    const { page, anonymousId } = await shop.newShopper('/');
    await page.click('nav [data-nav="jackets"]');
    await page.waitForURL(/\/category\/jackets$/);
    await openProduct(page, 'Softshell Jacket');
    await page.goBack(); // popstate
    await page.locator('h1', { hasText: 'Jackets' }).waitFor();
    await waitForEvents(shop.collectorUrl(), { anonymousId, describe: 'four page views', until: (all) => named(all, 'page').length >= 4 });

    const views = named(await checkpoint(page, shop.collectorUrl(), anonymousId), 'page').map(props);
    expect(views.map((v) => v.path)).toEqual(['/', '/category/jackets', '/products/sku-1005', '/category/jackets']);
    expect(views.map((v) => v.previousPath)).toEqual([undefined, '/', '/category/jackets', '/products/sku-1005']);
    expect(views.slice(1).map((v) => v.referrer)).toEqual(views.slice(0, -1).map((v) => v.url));
    expect(views[1]!.title).toBe('Jackets — Sightline Outfitters');
    expect(views[2]!.title).toMatch(/^Softshell Jacket/);
  });

  it('keeps the landing campaign on the later events of the session, across SPA routes and full loads', async () => {
    const { page, anonymousId } = await shop.newShopper('/?utm_source=news&utm_medium=email&gclid=abc');
    await page.click('nav [data-nav="jackets"]');
    await openProduct(page, 'Softshell Jacket');
    await addToCart(page, 1);
    await openCart(page); // a new document: the campaign comes from the stored session source
    const events = await waitForEvents(shop.collectorUrl(), {
      anonymousId,
      describe: 'the page view of the cart',
      until: (all) => named(all, 'page').some((e) => props(e).path === '/cart'),
    });

    const later = events.filter((e) => contextOf(e).page?.path !== '/');
    expect(new Set(later.map((e) => contextOf(e).page?.path))).toEqual(new Set(['/category/jackets', '/products/sku-1005', '/cart']));
    for (const event of events) {
      expect(contextOf(event).campaign, `${event.event ?? event.type} on ${contextOf(event).page?.path}`).toEqual({ source: 'news', medium: 'email', gclid: 'abc' });
      expect(contextOf(event).referrer).toEqual({ type: 'paid' });
    }
  });
});
