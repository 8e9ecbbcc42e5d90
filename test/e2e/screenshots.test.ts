import { stat } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eBrowser } from '../utils/e2e-browser';
import { ARTIFACTS_DIR, shoot, unlabelledControls, watchPageProblems } from '../utils/e2e-artifacts';
import { waitForEvents } from '../utils/e2e-collector';
import { addToCart, anonymousId, checkOut, openCart, visit } from '../utils/e2e-shop';
import type { E2eStack } from '../utils/e2e-stack';
import { startConsentedShopper, type ConsentedShopper } from '../utils/e2e-shopper';

let stack: E2eStack;
let browser: E2eBrowser;
let consented: ConsentedShopper;
let page: Page;
let problems: string[];

async function assertWritten(name: string): Promise<void> {
  const info = await stat(`${ARTIFACTS_DIR}/${name}.png`);
  expect(info.size).toBeGreaterThan(5_000);
}

describe('what a person sees (screenshots in test/e2e/.artifacts/)', () => {
  beforeAll(async () => {
    consented = await startConsentedShopper();
    ({ stack, browser, page, problems } = consented);
  });

  afterAll(() => consented?.close());

  it('shows the listing with labelled controls and no page errors', async () => {
    await visit(page, `${stack.shop.url}/`);
    await shoot(page, 'listing');
    await shoot(page, 'listing-full', { fullPage: true });
    expect(await unlabelledControls(page)).toEqual([]);
    expect(problems).toEqual([]);
    await assertWritten('listing');
  });

  it('shows a product page with the debug panel listing events and delivery counters', async () => {
    await visit(page, `${stack.shop.url}/products/sku-1005?debug=1`);
    await addToCart(page, 1);
    await page.locator('[data-testid="debug-event"] .name', { hasText: 'Product Added' }).waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="debug-stat-sent"] b')?.textContent) > 0);
    await shoot(page, 'product-debug');
    expect(await page.locator('[data-section="session"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await assertWritten('product-debug');
  });

  it('shows the cart, each checkout step and the confirmation', async () => {
    await page.keyboard.press('`'); // closes the panel (remembered per tab)
    await openCart(page);
    await shoot(page, 'cart');
    await checkOut(page, async (step) => {
      await shoot(page, `checkout-step-${step}`);
      expect(await unlabelledControls(page)).toEqual([]);
    });
    await shoot(page, 'confirmation');
    expect(problems).toEqual([]);
    await assertWritten('checkout-step-1');
  });

  it('runs the lookbook on the ESM build, with the same visitor as the script-tag pages', async () => {
    const id = await anonymousId(page);
    await page.goto(`${stack.shop.url}/lookbook`);
    await page.waitForFunction(() => Boolean((window as any).sightlineEsm));
    await shoot(page, 'lookbook');
    await page.click('[data-add-look="winter-light"]');
    const events = await waitForEvents(stack.collector.url, {
      anonymousId: id,
      describe: 'the four Product Added of the look',
      until: (all) => all.filter((e) => e.event === 'Product Added' && (e.payload as any).properties.list_id === 'lookbook-winter-light').length === 4,
    });
    expect(events.some((e) => e.type === 'page' && (e.payload as any).context.page.path === '/lookbook')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the consent banner to a first-time visitor, also on a phone', async () => {
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await fresh.newPage();
    const phoneProblems = watchPageProblems(phone);
    await visit(phone, `${stack.shop.url}/`);
    await phone.locator('[data-testid="consent-banner"]').waitFor();
    await shoot(phone, 'consent-mobile');
    expect(phoneProblems).toEqual([]);
  });

  it('shows the collector dashboard with the events the shop sent', async () => {
    await waitForEvents(stack.collector.url, { describe: 'the order', until: (all) => all.some((e) => e.event === 'Order Completed') });
    const dashboard = await page.context().newPage();
    await dashboard.goto(`${stack.collector.url}/`);
    await dashboard.waitForFunction(() => Number(document.getElementById('k-total')?.textContent) > 0 && document.querySelectorAll('#events li').length > 0);
    await shoot(dashboard, 'dashboard');
    await shoot(dashboard, 'dashboard-full', { fullPage: true });
    await assertWritten('dashboard');
  });
});
