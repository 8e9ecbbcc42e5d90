import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { waitForEvents } from '../utils/e2e-collector';
import { addToCart, openCart, openProduct, search, visit } from '../utils/e2e-shop';
import { seededRandom, useE2eEnv } from '../utils/e2e-stack';

const FAIL_RATE = 0.3;
const SHOP_EVENTS = new Set(['Product List Viewed', 'Product Clicked', 'Product Viewed', 'Product Added', 'Product Removed', 'Products Searched', 'Cart Viewed']);
// A seed whose first draw fails the first batch, so every run sees at least one failure.
const SEED = 7;

const env = useE2eEnv({ collector: { failRate: FAIL_RATE, random: seededRandom(SEED) } });
let context: BrowserContext;
let page: Page;
let failures = 0;
let emitted: { messageId: string; name: string }[] = [];
let stored: StoredEvent[] = [];

/** What the shop's debug log saw leave the SDK pipeline, across page loads. */
async function emittedEvents(): Promise<{ messageId: string; name: string }[]> {
  return page.evaluate(() => {
    const log = JSON.parse(sessionStorage.getItem('shop_debug_log') ?? '[]') as { kind: string; event?: any }[];
    return log.filter((e) => e.kind === 'event' && e.event)
      .map((e) => ({ messageId: e.event.messageId as string, name: (e.event.event ?? e.event.type) as string }));
  });
}

describe('delivery through a collector failing 30% of batches', () => {
  beforeAll(async () => {
    expect(seededRandom(SEED)()).toBeLessThan(FAIL_RATE);
    context = await env.browser.newContext();
    context.on('response', (response) => {
      if (response.url().startsWith(env.stack.collector.url) && response.status() >= 400) failures++;
    });
    page = await context.newPage();
    await visit(page, `${env.stack.shop.url}/?debug=1`);
    await page.click('[data-testid="consent-accept"]');
    await page.click('nav [data-nav="packs"]');
    for (const name of ['Daypack 22L', 'Hip Pack']) {
      await openProduct(page, name);
      await addToCart(page, 1);
      await page.goBack();
    }
    await search(page, 'boot');
    await openProduct(page, 'Winter Boot');
    await addToCart(page, 1);
    await openCart(page);
    await page.locator('[data-product-id="sku-1012"] [data-remove]').click();
    emitted = await emittedEvents();
    const wanted = new Set(emitted.map((e) => e.messageId));
    stored = await waitForEvents(env.stack.collector.url, {
      describe: `all ${wanted.size} events the page emitted`,
      timeoutMs: 30_000,
      until: (all) => [...wanted].every((id) => all.some((e) => e.messageId === id)),
    });
  }, 60_000);

  it('met failures on the way', () => {
    expect(failures).toBeGreaterThanOrEqual(1);
  });

  it('stores every emitted event exactly once, whatever was retried', () => {
    expect(emitted.length).toBeGreaterThan(10);
    const storedIds = stored.map((e) => e.messageId);
    for (const { messageId } of emitted) expect(storedIds.filter((id) => id === messageId)).toHaveLength(1);
  });

  it('stores no extra copies of a shop event under new ids', () => {
    // Only the shop's own events: autocapture may still send more (web vitals at exit) after the log was read.
    const tally = (names: string[]) => names.filter((n) => SHOP_EVENTS.has(n)).reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
    const sent = tally(emitted.map((e) => e.name));
    const received = tally(stored.map((e) => String(e.event ?? e.type)));
    expect(sent.size).toBeGreaterThanOrEqual(5);
    for (const [name, count] of sent) expect({ name, count: received.get(name) }).toEqual({ name, count });
  });

  it('keeps the shopper actions complete: three adds, one removal, one cart view', () => {
    const names = stored.map((e) => e.event);
    expect(names.filter((n) => n === 'Product Added')).toHaveLength(3);
    expect(names.filter((n) => n === 'Product Removed')).toHaveLength(1);
    expect(names.filter((n) => n === 'Cart Viewed')).toHaveLength(1);
  });
});
