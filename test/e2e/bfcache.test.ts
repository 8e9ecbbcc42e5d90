import { createServer, type ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byEventTime, props, trackNames, waitForEvents } from '../utils/e2e-collector';
import { sdkTag, usePageServer } from '../utils/e2e-page-server';
import { addToCart, anonymousId, checkOut, flushSdk, openCart, presetConsent, visit, waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// Back and Forward are instant when the browser keeps the page in its back/forward cache,
// frozen. A script that runs while the page is frozen (an IndexedDB answer, a lock granted,
// a response read) gets it evicted, and Back loads the page anew: sightline must start
// nothing asynchronous once `pagehide` came. Chromium says why a page was not restored.
const env = useE2eEnv({}, { backForwardCache: true });
const server = usePageServer();

/** A fresh shopper's tab (consent given) and the reasons Chromium gives for not restoring its page from the cache. */
async function watchedTab(): Promise<{ page: Page; notRestored: unknown[] }> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  await context.addInitScript(() => addEventListener('pageshow', (event) => { if (event.persisted) (window as any).restored = true; }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  const notRestored: unknown[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(event.notRestoredExplanations));
  return { page, notRestored };
}

/** Opens a page with `head` (sent with `Cache-Control: no-cache`; `no-store` would keep it out of the cache). */
async function openPage(path: string, head: string): Promise<{ page: Page; notRestored: unknown[] }> {
  const tab = await watchedTab();
  server().page(path, `<!doctype html><title>Shop</title>${head}<h1>Shop</h1>`);
  await tab.page.goto(`${server().url}${path}`);
  return tab;
}

/**
 * Waits until the page has loaded all it loads (the shop's recommendations fetch a model) and
 * sent what it tracked, as a shopper's page has before they click on: a page that is still
 * loading when it enters the cache is evicted when its loads report back (IgnoreEventAndEvict).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

/** Goes Back; true when the page came from the cache. */
async function comeBack(page: Page): Promise<boolean> {
  await page.goBack({ waitUntil: 'commit' }); // a page from the cache fires no load event
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate(() => Boolean((window as any).restored));
}

/** Leaves for another site and comes back with Back; true when the page came from the cache. */
async function leaveAndComeBack(page: Page): Promise<boolean> {
  await page.goto(`${env.stack.collector.url}/`);
  return comeBack(page);
}

/** A shopper's tab on the example shop with one product in the cart, and their anonymous id. */
async function shopperWithCart(): Promise<{ page: Page; notRestored: unknown[]; id: string }> {
  const tab = await watchedTab();
  await visit(tab.page, `${env.stack.shop.url}/products/sku-1017`);
  const id = await anonymousId(tab.page);
  await addToCart(tab.page, 1);
  return { ...tab, id };
}

/**
 * A collector on 127.0.0.1 that answers nothing until `answer()`: a batch stays in flight as
 * long as a test needs. `posts(n)` resolves once n requests came.
 */
async function heldCollector(): Promise<{ url: string; posts(n: number): Promise<void>; answer(): void; close(): Promise<void> }> {
  const held: ServerResponse[] = [];
  let waiting = (): void => {};
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'authorization, content-type, content-encoding' };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    req.resume();
    held.push(res.writeHead(200, cors));
    waiting();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const answer = (): void => held.splice(0).forEach((res) => res.end('{}'));
  return {
    url: `http://127.0.0.1:${port}`,
    posts: (n) => new Promise<void>((resolve) => (waiting = () => held.length >= n && resolve())),
    answer,
    close: () => (answer(), server.closeAllConnections(), new Promise((resolve) => server.close(() => resolve()))),
  };
}

describe('the back/forward cache', () => {
  it('keeps a page without sightline (the browser caches pages here)', async () => {
    const { page, notRestored } = await openPage('/bfcache-control.html', '');
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
  });

  it('keeps a page with the script tag and autocapture, tracking as the shopper leaves, and the page sends on after it', async () => {
    const { page, notRestored } = await openPage('/bfcache-sdk.html', sdkTag(env.stack.collector.url));
    await page.waitForFunction(() => Boolean((window as any).sightline?.__sightline));
    const id = await page.evaluate(() => (window as any).sightline.user().anonymousId as string);
    // Tracked in the same task as the link is followed: not durable yet, beaconed at pagehide.
    await page.evaluate(() => {
      for (let n = 0; n < 5; n++) (window as any).sightline.track('Bfcache Probe', { n, when: 'leaving' });
    });
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });

    await page.evaluate(() => (window as any).sightline.track('Bfcache Probe', { n: 5, when: 'back' }));
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      event: 'Bfcache Probe',
      describe: 'the probes tracked before leaving and after coming back',
      until: (all) => all.length >= 6,
    });
    expect(stored.map((e) => props(e).n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("stores the restored page's page view and sends it with fetch, not a beacon nobody reads the answer of", async () => {
    const { page, notRestored } = await openPage('/bfcache-view.html', sdkTag(env.stack.collector.url, ' data-autocapture="pageviews"'));
    await page.waitForFunction(() => Boolean((window as any).sightline?.__sightline));
    const id = await page.evaluate(() => (window as any).sightline.user().anonymousId as string);
    await waitForEvents(env.stack.collector.url, { anonymousId: id, type: 'page', describe: 'the first page view', until: (all) => all.length === 1 });
    const beacons: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'ping' && beacons.push(request.postData() ?? '')));
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    await waitForEvents(env.stack.collector.url, { anonymousId: id, type: 'page', describe: 'the restored page view', until: (all) => all.length === 2 });
    expect(beacons.filter((body) => body.includes('"type":"page"'))).toEqual([]);
  });

  it('keeps a page left for another page of the site while its batch was in flight (the tab lock goes at pagehide)', async () => {
    const collector = await heldCollector();
    try {
      for (const name of ['first', 'second']) server().page(`/held-${name}.html`, `<!doctype html><title>${name}</title>${sdkTag(collector.url, ' data-autocapture="none"')}<h1>${name}</h1>`);
      const { page, notRestored } = await watchedTab();
      await page.goto(`${server().url}/held-first.html`);
      await waitForSdk(page);
      // The first page's sender holds the tab lock while its request waits for an answer.
      const sent = collector.posts(1);
      await page.evaluate(() => void ((window as any).sightline.track('Probe', { page: 1 }), (window as any).sightline.flush()));
      await sent;
      // The next page of the site asks for the lock to send (the first page's batch, stored, too).
      const next = collector.posts(2);
      await page.goto(`${server().url}/held-second.html`);
      await waitForSdk(page);
      await page.evaluate(() => void ((window as any).sightline.track('Probe', { page: 2 }), (window as any).sightline.flush()));
      await next;
      expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    } finally {
      await collector.close();
    }
  });

  describe('frozen with a transaction of the queue under way (another tab held the store), when the next page of the site uses the queue', () => {
    /**
     * A tab on a page of the queue's site that tracks nothing by itself, and whose link leads to
     * a page with the script tag in a template (see loadSdk): the next page uses the queue only
     * when the test says so. Its `transactions` count the IndexedDB transactions it asked for.
     */
    async function quietTab(): Promise<{ page: Page; notRestored: unknown[]; id: string }> {
      const tag = sdkTag(env.stack.collector.url, ' data-autocapture="none"');
      server().page('/queue-first.html', `<!doctype html><title>first</title>${tag}<a href="/queue-next.html">next</a>`);
      server().page('/queue-next.html', `<!doctype html><title>next</title><template>${tag}</template>`);
      server().page('/queue-blocker.html', '<!doctype html><title>blocker</title>');
      const tab = await watchedTab();
      await tab.page.context().addInitScript(() => {
        const open = IDBDatabase.prototype.transaction;
        (window as any).transactions = 0;
        IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
          (window as any).transactions++;
          return open.apply(this, args);
        };
      });
      await tab.page.goto(`${server().url}/queue-first.html`);
      await waitForSdk(tab.page);
      await tab.page.evaluate(() => (window as any).sightline.flush()); // the queue's database exists now
      return { ...tab, id: await tab.page.evaluate(() => (window as any).sightline.user().anonymousId as string) };
    }

    /** Another tab of the site holds the queue's store in a transaction it keeps busy; `letGo()` ends it. */
    async function holdQueue(page: Page): Promise<{ letGo(): Promise<void> }> {
      const blocker = await page.context().newPage();
      await blocker.goto(`${server().url}/queue-blocker.html`);
      await blocker.evaluate(async (name) => {
        const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open(name).onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
        const tx = db.transaction('queue', 'readwrite');
        const spin = (): void => void ((window as any).letGo || (tx.objectStore('queue').count().onsuccess = spin));
        spin();
        (window as any).over = new Promise((resolve) => (tx.oncomplete = resolve));
      }, `sightline:${env.stack.collector.url}`);
      return { letGo: async () => (await blocker.evaluate(() => (((window as any).letGo = true), (window as any).over)), await blocker.close()) };
    }

    /** Runs `act` on the page, and waits until the page asked for a transaction after it (one that waits for the blocker). */
    async function waitingAfter(page: Page, act: () => void): Promise<void> {
      const before = await page.evaluate(() => (window as any).transactions as number);
      await page.evaluate(act);
      await page.waitForFunction((n) => (window as any).transactions > n, before);
    }

    /** Follows the link to the next page, where the first page's transaction gets the store once the blocker lets go. */
    async function leaveFrozen(page: Page, blocker: { letGo(): Promise<void> }): Promise<void> {
      await page.click('a');
      await page.waitForURL('**/queue-next.html');
      await blocker.letGo();
    }

    /** The next page's SDK starts: it opens the queue and sends what it holds. */
    async function loadSdk(page: Page): Promise<void> {
      await page.evaluate(() => {
        const tag = document.querySelector('template')!.content.querySelector('script')!;
        const script = Object.assign(document.createElement('script'), { src: tag.src });
        Object.assign(script.dataset, tag.dataset);
        document.head.append(script);
      });
    }

    it('a write: it commits without the page, and the next page sends its events', async () => {
      const { page, notRestored, id } = await quietTab();
      const blocker = await holdQueue(page);
      await waitingAfter(page, () => (window as any).sightline.track('Written As The Page Left'));
      await leaveFrozen(page, blocker);
      await loadSdk(page);
      const stored = await waitForEvents(env.stack.collector.url, { anonymousId: id, event: 'Written As The Page Left', describe: 'the event written as the page left', until: (all) => all.length >= 1 });
      expect(stored).toHaveLength(1);
      expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    });

    it("a read of the sender's: it is undone, and runs again when Back restores the page, whose sender goes on", async () => {
      const { page, notRestored, id } = await quietTab();
      const blocker = await holdQueue(page);
      await waitingAfter(page, () => void (window as any).sightline.flush());
      await leaveFrozen(page, blocker);
      await loadSdk(page);
      await waitForSdk(page);
      await page.evaluate(() => ((window as any).sightline.track('On The Next Page'), (window as any).sightline.flush()));
      await waitForEvents(env.stack.collector.url, { anonymousId: id, event: 'On The Next Page', describe: "the next page's event", until: (all) => all.length >= 1 });
      expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
      await page.evaluate(() => ((window as any).sightline.track('Back Again'), (window as any).sightline.flush()));
      await waitForEvents(env.stack.collector.url, { anonymousId: id, event: 'Back Again', describe: 'the event tracked on the restored page', until: (all) => all.length >= 1 });
    });
  });

  it("keeps the example shop's product page (autocapture, recommendations) when the shopper adds to cart and leaves at once", async () => {
    const { page, notRestored, id } = await shopperWithCart();
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the add to cart made just before leaving',
      until: (all) => all.some((e) => e.event === 'Product Added'),
    });
    expect(stored.filter((e) => e.event === 'Product Added')).toHaveLength(1);
  });

  it('counts the restored page as a new page view, with its own "Product Viewed" (sent by the shop) and "Page Left"', async () => {
    const { page, notRestored } = await watchedTab();
    await visit(page, `${env.stack.shop.url}/products/sku-1017`);
    const id = await anonymousId(page);
    await waitForEvents(env.stack.collector.url, { anonymousId: id, type: 'page', describe: 'the first page view', until: (all) => all.length === 1 });
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    // Leaving again ends the restored view (a page left for another site never hears of the first).
    await page.goto(`${env.stack.collector.url}/`);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'two page views of the product page, each ended by "Page Left"',
      until: (all) => all.filter((e) => e.type === 'page').length >= 2 && all.filter((e) => e.event === 'Page Left').length >= 2,
    });
    // Each view, up to its "Page Left": the page view and the shop's "Product Viewed" (sent
    // again on the restore by examples/storefront's app.js), in whichever order they came.
    const names = trackNames(byEventTime(stored)).filter((name) => ['page', 'Product Viewed', 'Page Left'].includes(name));
    const views = names.join(',').split('Page Left').filter(Boolean).map((view) => view.split(',').filter(Boolean).sort());
    expect(views).toEqual([
      ['Product Viewed', 'page'],
      ['Product Viewed', 'page'],
    ]);
    expect(names.at(-1)).toBe('Page Left');
    const pages = stored.filter((e) => e.type === 'page');
    expect(pages.map((e) => props(e).path)).toEqual(['/products/sku-1017', '/products/sku-1017']);
  });

  it('shows the cart as it is now when Back restores it from a product page, and views it again', async () => {
    const { page, notRestored, id } = await shopperWithCart();
    await visit(page, `${env.stack.shop.url}/cart`);
    await settled(page);
    // A full load of another product from the cart, added there; then Back.
    await visit(page, `${env.stack.shop.url}/products/sku-1005`);
    await addToCart(page, 1);
    expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cart-line"]').length === 2);
    expect(await page.locator('[data-cart-count]').textContent()).toBe('2');
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      event: 'Cart Viewed',
      describe: 'the cart viewed at load and again at the restore',
      until: (all) => all.length >= 2,
    });
    const carts = byEventTime(stored).map((e) => (props(e).products as Array<{ product_id: string }>).map((p) => p.product_id));
    expect(carts).toEqual([['sku-1017'], ['sku-1017', 'sku-1005']]);
  });

  it('views a listing again when it is restored, with the products its URL selects', async () => {
    const { page, notRestored } = await watchedTab();
    await visit(page, `${env.stack.shop.url}/search?q=tent`);
    const id = await anonymousId(page);
    await settled(page);
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the search and its list, at load and at the restore',
      until: (all) => all.filter((e) => e.event === 'Product List Viewed').length >= 2,
    });
    const names = trackNames(byEventTime(stored)).filter((name) => ['Products Searched', 'Product List Viewed'].includes(name));
    expect(names).toEqual(['Products Searched', 'Product List Viewed', 'Products Searched', 'Product List Viewed']);
    const lists = stored.filter((e) => e.event === 'Product List Viewed').map((e) => props(e));
    expect(lists[1]).toEqual(lists[0]);
    expect((lists[0]!.products as unknown[]).length).toBeGreaterThan(0);
  });

  it('sends the lookbook\'s own page view and list again when it is restored (the npm build, no autocapture)', async () => {
    const { page, notRestored } = await watchedTab();
    await page.goto(`${env.stack.shop.url}/lookbook`);
    await page.waitForFunction(() => Boolean((window as any).sightlineEsm));
    const id = await page.evaluate(() => (window as any).sightlineEsm.user().anonymousId as string);
    await settled(page);
    expect({ restored: await leaveAndComeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'two views of the lookbook, each with its list',
      until: (all) => all.filter((e) => e.type === 'page').length >= 2 && all.filter((e) => e.event === 'Product List Viewed').length >= 2,
    });
    expect(trackNames(byEventTime(stored))).toEqual(['page', 'Product List Viewed', 'page', 'Product List Viewed']);
  });

  it('shows an empty cart, not the order just placed, when Back restores the checkout from the confirmation', async () => {
    const { page, notRestored, id } = await shopperWithCart();
    await openCart(page);
    const order = await checkOut(page);
    // From the cache: the checkout goes to the confirmation at once, no request of its own in flight.
    expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    await page.getByRole('heading', { name: 'Your cart is empty' }).waitFor();
    expect(await page.locator('[data-testid="place-order"]').count()).toBe(0);
    // Forward: the confirmation again, and still one order.
    await page.goForward({ waitUntil: 'commit' });
    await page.locator('[data-testid="order-id"]').waitFor();
    await flushSdk(page);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the order, and the confirmation viewed twice',
      until: (all) => all.filter((e) => e.type === 'page' && props(e).path === '/confirmation').length >= 2,
    });
    expect(stored.filter((e) => e.event === 'Order Completed').map((e) => props(e).order_id)).toEqual([order]);
  });

  it('keeps a checkout restored mid-step as the shopper left it, with the summary of the cart as it is now', async () => {
    const { page, notRestored, id } = await shopperWithCart();
    await openCart(page);
    await page.click('[data-testid="checkout-button"]');
    await page.locator('[data-step-form="1"]').waitFor();
    await page.fill('#email', 'typed@example.com');
    await settled(page);
    // Off to another product, added; then Back to the checkout.
    await visit(page, `${env.stack.shop.url}/products/sku-1005`);
    await addToCart(page, 1);
    expect({ restored: await comeBack(page), notRestored }).toEqual({ restored: true, notRestored: [] });
    await page.waitForFunction(() => document.querySelectorAll('.summary .mini-lines li').length === 2);
    expect(await page.inputValue('#email')).toBe('typed@example.com');
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      event: 'Checkout Step Viewed',
      describe: 'the first step viewed at load and again at the restore',
      until: (all) => all.length >= 2,
    });
    expect(stored.map((e) => props(e).step)).toEqual([1, 1]);
  });
});
