import { describe, expect, it } from 'vitest';
import { props, waitForEvents } from '../utils/e2e-collector';
import { collectorGate } from '../utils/e2e-gate';
import { quietPage, usePageServer } from '../utils/e2e-page-server';
import { waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';
import { reloadWithQueueInLocalStorage } from '../utils/e2e-storage';
import { PROTOTYPE_JS_TO_JSON } from '../utils/prototype-js';

// Old shops still load Prototype.js before 1.7, whose Array#toJSON makes JSON.stringify write
// every list as a string. sightline must still send lists as lists (a Segment collector reads
// `products` as an array) and read back the queue it keeps in localStorage.
const env = useE2eEnv();
const server = usePageServer();

/** A page of such a shop: Prototype.js's toJSON first, then the tag (autocapture off). */
const prototypePage = (title: string): string =>
  quietPage(env.stack.collector.url, title).replace('<title>', `<script>${PROTOTYPE_JS_TO_JSON}</script><title>`);

const PRODUCTS = [{ product_id: 'p1', categories: ['shoes', 'sale'] }, { product_id: 'p2', categories: [] }];

describe('sightline on a page with Prototype.js 1.6', () => {
  it('sends the lists of an event as lists', async () => {
    const pages = server();
    pages.page('/cart.html', prototypePage('Cart'));
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pages.url}/cart.html`);
    await waitForSdk(page);
    const premise = await page.evaluate(() => JSON.stringify({ list: [1] }));
    expect(premise).toBe('{"list":"[1]"}');

    await page.evaluate((products) => {
      const sightline = (window as any).sightline;
      sightline.track('Prototype Cart Viewed', { products, cart: { total: 3 } });
      return sightline.flush();
    }, PRODUCTS);
    const [stored] = await waitForEvents(env.stack.collector.url, {
      event: 'Prototype Cart Viewed',
      describe: 'the cart event',
      until: (events) => events.length >= 1,
    });
    expect(props(stored).products).toEqual(PRODUCTS);
    expect(await page.evaluate(() => (window as any).sightline.stats().dropped)).toEqual({});
    await context.close();
  });

  it('keeps its queue in localStorage where IndexedDB is missing, and sends it after a reload, lists and all', async () => {
    const pages = server();
    pages.page('/list.html', prototypePage('List'));
    const context = await env.browser.newContext();
    await context.addInitScript(() => delete (globalThis as any).indexedDB);
    const gate = await collectorGate(context, env.stack.collector.url);
    const page = await context.newPage();
    await page.goto(`${pages.url}/list.html`);
    await waitForSdk(page);
    await expect.poll(() => page.evaluate(() => (window as any).sightline.stats()?.storage)).toBe('localstorage');

    // Nothing can leave: the probes wait in the localStorage queue through the reload.
    gate.mode = 'fail';
    await page.evaluate((products) => {
      const sightline = (window as any).sightline;
      for (let n = 0; n < 5; n++) sightline.track('Prototype Queued Probe', { n, products });
      return sightline.flush();
    }, PRODUCTS);
    await reloadWithQueueInLocalStorage(page, gate);

    const stored = await waitForEvents(env.stack.collector.url, {
      event: 'Prototype Queued Probe',
      describe: 'the five probes kept in localStorage',
      until: (events) => new Set(events.map((e) => props(e).n)).size >= 5,
    });
    expect([...new Set(stored.map((e) => props(e).n))].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(stored.map((e) => props(e).products)).toEqual(Array(stored.length).fill(PRODUCTS));
    await context.close();
  });
});
