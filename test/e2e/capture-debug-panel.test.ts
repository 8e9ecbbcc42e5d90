import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoot } from '../utils/e2e-artifacts';
import { rageClick, scrollToTop, wheelToBottom } from '../utils/e2e-capture-actions';
import { debugPanel, debugRows, shootDebugPanel, waitForDebugRow } from '../utils/e2e-capture-debug';
import { useCaptureStack } from '../utils/e2e-capture-stack';
import { addToCart, openProduct } from '../utils/e2e-shop';

const shop = useCaptureStack();
let page: Page;

// QA's walk through the shop with the panel open; each step waits for its row in the
// panel's event list (newest first), in the order QA does them.
describe('the storefront debug panel lists each kind of event as QA causes it', () => {
  beforeAll(async () => {
    ({ page } = await shop.newShopper('/category/jackets'));
  });

  it('opens with the backquote key and lists the page view already sent', async () => {
    await page.keyboard.press('Backquote');
    await debugPanel(page).waitFor({ state: 'visible' });
    await waitForDebugRow(page, '/category/jackets', { type: 'page' });
  });

  it('lists "Web Vitals" as the SDK reports them (TTFB and FCP come during the load)', async () => {
    await waitForDebugRow(page, 'Web Vitals');
  });

  it('lists "Element Clicked" and the new page view when QA follows a nav link', async () => {
    await page.click('nav [data-nav="packs"]');
    await waitForDebugRow(page, 'Element Clicked');
    await waitForDebugRow(page, '/category/packs', { type: 'page' });
  });

  it('lists "Rage Click" when QA clicks one spot fast', async () => {
    await rageClick(page, page.locator('h1', { hasText: 'Packs & Bags' }), 3);
    await waitForDebugRow(page, 'Rage Click');
  });

  it('lists "Scroll Depth" for each milestone when QA scrolls to the footer', async () => {
    await wheelToBottom(page);
    await waitForDebugRow(page, 'Scroll Depth', { count: 4 });
  });

  it('lists "Form Started" when QA starts typing in the newsletter form', async () => {
    await page.click('#newsletter-email');
    await page.keyboard.type('qa@example.com');
    await waitForDebugRow(page, 'Form Started');
  });

  it('lists "Form Abandoned" when QA leaves the form for a product page', async () => {
    await scrollToTop(page);
    await openProduct(page, 'Daypack 22L');
    await waitForDebugRow(page, 'Form Abandoned');
  });

  it('lists "Product Added" when QA adds the product to the cart', async () => {
    await addToCart(page, 1);
    await waitForDebugRow(page, 'Product Added');
  });

  it('shows the walk in one picture (test/e2e/.artifacts/capture-debug-panel*.png)', async () => {
    const kinds = ['Web Vitals', 'Element Clicked', 'Rage Click', 'Scroll Depth', 'Form Started', 'Form Abandoned', 'Product Added'];
    const counts = await Promise.all(kinds.map((name) => debugRows(page, name).count()));
    expect(Object.fromEntries(kinds.map((name, i) => [name, counts[i]! > 0]))).toEqual(Object.fromEntries(kinds.map((name) => [name, true])));
    await shoot(page, 'capture-debug-panel-page'); // what QA sees
    await page.setViewportSize({ width: 1280, height: 2400 }); // room for the unfolded list
    const panel = await shootDebugPanel(page, 'capture-debug-panel'); // the whole list
    expect((await stat(panel)).size).toBeGreaterThan(20_000);
  });
});
