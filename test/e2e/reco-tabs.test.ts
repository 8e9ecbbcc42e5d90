import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addToCart, presetConsent, visit } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// The recommender's history of the shopper (localStorage `sl_reco`) is one for the device:
// two product pages open in two tabs at the same time both add to it, rather than each
// writing back the history it read when it opened.
const env = useE2eEnv();

/** The product ids in the stored history, oldest first. */
const historyIds = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('sl_reco') ?? '{"items":[]}') as { items: { i: string }[] }).items.map((x) => x.i));

describe('product pages open in two tabs at the same time', () => {
  it('each add to the one history of the shopper', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    const home = await context.newPage();
    await visit(home, `${env.stack.shop.url}/`);
    const [first, second] = await home.evaluate(() => [...new Set([...document.querySelectorAll<HTMLAnchorElement>('a[href^="/products/"]')].map((a) => a.pathname.split('/').pop()!))]);
    expect(first && second).toBeTruthy();

    const tabA = await context.newPage();
    await visit(tabA, `${env.stack.shop.url}/products/${first}`);
    await expect.poll(() => historyIds(tabA)).toContain(first);
    const tabB = await context.newPage();
    await visit(tabB, `${env.stack.shop.url}/products/${second}`);
    await expect.poll(() => historyIds(tabB)).toEqual(expect.arrayContaining([first, second]));

    // The first tab, open since before the second product was viewed, adds its product to the cart.
    await addToCart(tabA);
    await expect.poll(() => historyIds(tabA)).toEqual([first, second, first]);
    await context.close();
  });
});
