import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import type { E2eBrowser } from '../utils/e2e-browser';
import { shoot, watchPageProblems } from '../utils/e2e-artifacts';
import { props, waitForEvents } from '../utils/e2e-collector';
import { addToCart, applyCoupon, checkOut, openCart, openProduct, visit } from '../utils/e2e-shop';
import type { E2eStack } from '../utils/e2e-stack';
import { startConsentedShopper, type ConsentedShopper } from '../utils/e2e-shopper';
import { storageFootprint } from '../utils/e2e-storage';

// The storefront's widgets (examples/storefront/public/js/reco/lists.js).
const ALSO_VIEWED = 'pdp-also-viewed';
const COMPLETE_ORDER = 'cart-complete-order';
const TIERS = ['must-buy', 'you-may-like', 'explore'];

let stack: E2eStack;
let browser: E2eBrowser;
let consented: ConsentedShopper;
let page: Page;
let problems: string[];

/** A list as the shopper sees it. */
interface Shelf {
  ids: string[];
  tiers: string[];
  modelVersion: string;
}

/** Waits for the shelf `listId` to show its items, scrolls it into view and reads it. */
async function shelf(listId: string): Promise<Shelf> {
  const section = page.locator(`[data-testid="reco-shelf"][data-list="${listId}"][data-state="ready"]`);
  await section.waitFor();
  await section.scrollIntoViewIfNeeded();
  const items = section.locator('[data-testid="reco-item"]');
  return {
    ids: await items.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.productId!)),
    tiers: await items.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.tier!)),
    modelVersion: (await section.getAttribute('data-model-version')) ?? '',
  };
}

const productIds = (event: StoredEvent) => (props(event).products as { product_id: string }[]).map((p) => p.product_id);

/** Waits until the collector has "Recommendation Viewed" for exactly this list. */
async function viewedEvent(listId: string, ids: string[]): Promise<StoredEvent> {
  const matches = (e: StoredEvent) => props(e).list_id === listId && productIds(e).join() === ids.join();
  const events = await waitForEvents(stack.collector.url, {
    event: 'Recommendation Viewed',
    describe: `Recommendation Viewed of ${listId} [${ids.join(', ')}]`,
    until: (all) => all.some(matches),
  });
  return events.find(matches)!;
}

/** The product ids in the cart (the shop's own localStorage record). */
function cartIds(): Promise<string[]> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('shop_cart') ?? '{"items":[]}') as { items: { id: string }[] }).items.map((i) => i.id));
}

describe('on-device recommendations in the storefront', () => {
  const seen: Record<string, Shelf> = {};

  beforeAll(async () => {
    consented = await startConsentedShopper();
    ({ stack, browser, page, problems } = consented);
  });

  afterAll(() => consented?.close());

  it('serves the trained model with an ETag and answers 304 while it is unchanged', async () => {
    const first = await fetch(`${stack.shop.url}/reco/model.slrm`); // waits for a first build
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(first.status).toBe(200);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('SLRM');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{16,}"$/);
    const again = await fetch(`${stack.shop.url}/reco/model.slrm`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('shows "Customers also viewed" with tier badges and reports it viewed with list id, positions and model version', async () => {
    await visit(page, `${stack.shop.url}/products/sku-1025`); // Two-Person Tent
    const tent = await shelf(ALSO_VIEWED);
    expect(tent.ids).toHaveLength(4);
    expect(tent.ids).not.toContain('sku-1025');
    expect(tent.tiers.every((t) => TIERS.includes(t))).toBe(true);
    expect(tent.ids).toContain('sku-1027'); // the sleeping bag: what tent shoppers look at next
    expect(tent.modelVersion).toMatch(/^storefront-[0-9a-f]{10}$/);
    const event = await viewedEvent(ALSO_VIEWED, tent.ids);
    expect(props(event)).toMatchObject({ list_id: ALSO_VIEWED, model_version: tent.modelVersion });
    expect(props(event).products).toEqual(tent.ids.map((id, i) => ({ product_id: id, position: i + 1, tier: tent.tiers[i] })));
    await shoot(page, 'recommendations-product');
    // With consent, the model is cached in IndexedDB and the shopper's history kept.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'sightline-models') && localStorage.getItem('sl_reco') !== null);
    seen.tent = tent;
    expect(problems).toEqual([]);
  });

  it('changes the list when the shopper views a product of another category', async () => {
    await page.click('nav [data-nav="footwear"]');
    await openProduct(page, 'Trail Runner'); // sku-1017, in the same single-page visit
    const runner = await shelf(ALSO_VIEWED);
    expect(runner.ids).toHaveLength(4);
    expect(runner.ids).not.toContain('sku-1017');
    expect(runner.ids).not.toEqual(seen.tent!.ids);
    await viewedEvent(ALSO_VIEWED, runner.ids);
    seen.runner = runner;
    expect(problems).toEqual([]);
  });

  it('reports a click on a recommendation and opens that product, whose list leaves out the cart', async () => {
    await addToCart(page, 1); // the trail runner
    const clicked = seen.runner!.ids[0]!;
    await page.locator(`[data-list="${ALSO_VIEWED}"] [data-testid="reco-item"] a`).first().click();
    await page.waitForURL(new RegExp(`/products/${clicked}$`));
    await page.locator(`[data-testid="product-page"][data-product-id="${clicked}"]`).waitFor();
    const events = await waitForEvents(stack.collector.url, {
      event: 'Recommendation Clicked',
      describe: `Recommendation Clicked of ${clicked}`,
      until: (all) => all.some((e) => props(e).product_id === clicked),
    });
    expect(props(events.find((e) => props(e).product_id === clicked))).toEqual({
      list_id: ALSO_VIEWED, product_id: clicked, position: 1, tier: seen.runner!.tiers[0], model_version: seen.runner!.modelVersion,
    });
    const next = await shelf(ALSO_VIEWED);
    expect(next.ids).not.toContain('sku-1017'); // in the cart now
    expect(problems).toEqual([]);
  });

  it('leaves the cart\'s items out of "Complete your order" and reports its clicks before leaving the page', async () => {
    await addToCart(page, 1);
    await openCart(page);
    const inCart = await cartIds();
    expect(inCart).toHaveLength(2);
    const complete = await shelf(COMPLETE_ORDER);
    expect(complete.ids.length).toBeGreaterThan(0);
    expect(complete.ids.filter((id) => inCart.includes(id))).toEqual([]);
    await viewedEvent(COMPLETE_ORDER, complete.ids);
    await shoot(page, 'recommendations-cart');
    await applyCoupon(page, 'WELCOME10'); // the cart re-draws, with the same list: no new impression
    expect((await shelf(COMPLETE_ORDER)).ids).toEqual(complete.ids);
    await page.locator(`[data-list="${COMPLETE_ORDER}"] [data-testid="reco-item"] a`).nth(1).click();
    await page.waitForURL(new RegExp(`/products/${complete.ids[1]}$`));
    const events = await waitForEvents(stack.collector.url, {
      describe: `Recommendation Clicked in ${COMPLETE_ORDER}`,
      until: (all) => all.some((e) => e.event === 'Recommendation Clicked' && props(e).list_id === COMPLETE_ORDER && props(e).product_id === complete.ids[1] && props(e).position === 2),
    });
    // Sent after the re-draw, so a second impression would have arrived before it.
    expect(events.filter((e) => e.event === 'Recommendation Viewed' && props(e).list_id === COMPLETE_ORDER)).toHaveLength(1);
    expect(events.some((e) => e.event === 'Product Clicked' && props(e).list_id === COMPLETE_ORDER && props(e).position === 2)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the current lists with tier, score and reason in the debug panel, following the shopper', async () => {
    await visit(page, `${stack.shop.url}/products/sku-1025?debug=1`);
    const section = page.locator('[data-section="recommendations"]');
    const firstRow = section.locator('table', { hasText: 'On screen' }).locator('[data-testid="debug-reco-item"]').first();
    await firstRow.waitFor();
    expect(await section.locator('[data-testid="debug-reco-model"]').textContent()).toContain(seen.tent!.modelVersion);
    const before = await firstRow.textContent();
    expect(before).toMatch(/(must-buy|you-may-like|explore)\s*0\.\d{3}\s*(similar-sessions|popular)/);
    await page.click('nav [data-nav="jackets"]');
    await openProduct(page, 'Down Parka');
    await page.waitForFunction((old) => {
      const row = document.querySelector('[data-section="recommendations"] table [data-testid="debug-reco-item"]');
      return Boolean(row && row.textContent !== old);
    }, before);
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'recommendations-debug');
    expect(problems).toEqual([]);
  });

  it('registers with the lookbook\'s own ESM client, which feeds it the looks added to the cart', async () => {
    await page.goto(`${stack.shop.url}/lookbook?debug=1`);
    const model = page.locator('[data-section="recommendations"] [data-testid="debug-reco-model"]');
    await model.waitFor(); // drawn once the recommender is set up with window.sightlineEsm
    // The section is drawn at once with the popularity fallback; the model arrives from the
    // IndexedDB cache or the network a moment later, and the section follows it.
    await page.waitForFunction(() => (window as any).shopRecommender?.model().meta.source !== 'fallback');
    await expect.poll(() => model.textContent()).toContain(seen.tent!.modelVersion);
    // Asked for all 48 products, the recommender returns every one it may recommend.
    const recommendable = () => page.evaluate(() => (window as any).shopRecommender.recommend({ k: 48 }).map((r: { itemId: string }) => r.itemId) as string[]);
    const look = ['sku-1029', 'sku-1032']; // the look's camp stove and lantern
    expect(await recommendable()).toEqual(expect.arrayContaining(look));
    await page.click('[data-add-look="under-canvas"]');
    await page.waitForFunction((ids) => {
      const left = (window as any).shopRecommender.recommend({ k: 48 }).map((r: { itemId: string }) => r.itemId);
      return ids.every((id: string) => !left.includes(id));
    }, look);
    expect(problems).toEqual([]);
  });

  it('runs on the listing, checkout and confirmation pages too, without page errors', async () => {
    const running = () => page.waitForFunction(() => (window as any).shopRecommender?.model().meta.version.startsWith('storefront-'));
    await visit(page, `${stack.shop.url}/category/camp`);
    await running();
    await openCart(page);
    await checkOut(page, async (step) => {
      if (step === 1) await running();
    });
    await running();
    expect(problems).toEqual([]);
  });

  it('still recommends on a phone without consent, keeping neither the model nor the history and sending nothing', async () => {
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const shopper = await fresh.newPage();
    const freshProblems = watchPageProblems(shopper);
    let sent = 0;
    fresh.on('request', (request) => void (request.url().startsWith(stack.collector.url) && sent++));
    await visit(shopper, `${stack.shop.url}/products/sku-1025`);
    const section = shopper.locator(`[data-testid="reco-shelf"][data-list="${ALSO_VIEWED}"][data-state="ready"]`);
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await section.locator('[data-testid="reco-item"]').count()).toBe(4);
    expect(await section.getAttribute('data-model-version')).toBe(seen.tent!.modelVersion);
    await shoot(shopper, 'recommendations-mobile');
    await shopper.evaluate(() => (window as any).sightline.flush());
    expect(sent).toBe(0);
    // What the recommender would keep: the model cache and the shopper's history.
    const footprint = await storageFootprint(fresh, shopper);
    expect(footprint.indexedDB).not.toContain('sightline-models');
    expect(footprint.localStorage).not.toContain('sl_reco');
    expect(freshProblems).toEqual([]);
  });
});
