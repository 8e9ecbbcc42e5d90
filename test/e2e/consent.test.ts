import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fetchEvents, fetchStats, waitForEvents } from '../utils/e2e-collector';
import { addToCart, anonymousId, flushSdk, openCart, openProduct, search, visit } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';
import { isEmptyFootprint, storageFootprint } from '../utils/e2e-storage';

const env = useE2eEnv({ shop: { consent: 'denied' } });

/** A fresh shopper whose requests to the collector are counted. */
async function countedShopper(): Promise<{ context: BrowserContext; page: Page; requests: () => number }> {
  const context = await env.browser.newContext();
  let requests = 0;
  context.on('request', (request) => {
    if (request.url().startsWith(env.stack.collector.url)) requests++;
  });
  return { context, page: await context.newPage(), requests: () => requests };
}

/** Search, view, add to cart, reload, open the cart: everything that would be tracked. */
async function browseAround(page: Page): Promise<void> {
  await visit(page, `${env.stack.shop.url}/`);
  await search(page, 'tent');
  await openProduct(page, 'Ultralight Tent');
  await addToCart(page, 1);
  await page.reload();
  await page.locator('[data-testid="product-page"]').waitFor();
  await openCart(page);
  await flushSdk(page); // anything the SDK would send, it sends now
}

describe('consent denied by default (data-consent="denied")', () => {
  // The anonymousId of the first shopper, who accepts: that page stays open and may send
  // later (engagement, its exit), so later specs count only what anyone else sent.
  let accepted: string | undefined;

  it('sends nothing and stores nothing until the shopper chooses, then tracks after "Accept all"', async () => {
    const { context, page, requests } = await countedShopper();
    await browseAround(page);
    expect(requests()).toBe(0);
    expect((await fetchStats(env.stack.collector.url)).total).toBe(0);
    expect(await storageFootprint(context, page)).toEqual({ cookies: [], localStorage: [], sessionStorage: [], indexedDB: [] });

    await page.click('[data-testid="consent-accept"]');
    await page.locator('[data-testid="cart-line"]').first().locator('[data-change="1"]').click();
    const id = (accepted = await anonymousId(page));
    await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the first event after consent',
      until: (events) => events.some((e) => e.event === 'Product Added'),
    });
    expect(requests()).toBeGreaterThan(0);
    expect(isEmptyFootprint(await storageFootprint(context, page))).toBe(false);
  });

  it('keeps sending and storing nothing after "Reject all", across page loads', async () => {
    const { context, page, requests } = await countedShopper();
    await visit(page, `${env.stack.shop.url}/`);
    await page.click('[data-testid="consent-reject"]');
    await browseAround(page);
    expect(await page.locator('[data-testid="consent-banner"]').count()).toBe(0);
    expect(requests()).toBe(0);
    expect((await fetchEvents(env.stack.collector.url)).filter((e) => e.anonymousId !== accepted)).toEqual([]);
    expect(await storageFootprint(context, page)).toEqual({ cookies: [], localStorage: [], sessionStorage: [], indexedDB: [] });
  });

  it('applies a customized choice category by category', async () => {
    const { page } = await countedShopper();
    await visit(page, `${env.stack.shop.url}/`);
    await page.click('[data-testid="consent-customize"]');
    await page.check('[data-testid="consent-analytics"]');
    await page.uncheck('[data-testid="consent-personalization"]');
    await page.uncheck('[data-testid="consent-fingerprinting"]');
    await page.click('[data-testid="consent-save"]');
    const state = await page.evaluate(() => (window as any).sightline.consent.get());
    expect(state).toMatchObject({ analytics: true, personalization: false, fingerprinting: false });
    await page.reload();
    await page.waitForFunction(() => (window as any).sightline?.__sightline);
    expect(await page.evaluate(() => (window as any).sightline.consent.get())).toMatchObject({ analytics: true, personalization: false });
  });
});
