import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commerce, orderCompleted, productAdded, productViewed, type CommercePlugin } from '../../src/capture';
import type { Plugin } from '../../src/types';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { $, click, dispatchPageHide, dispatchPageShow, dispatchVisibilityChange, render, settleFrame } from '../utils/capture-dom';
import { fakeIntersections, type FakeIntersections } from '../utils/capture-intersection';

let client: FakeClient | undefined;
let io: FakeIntersections;

useCaptureSpec({ url: '/shop' });
beforeEach(() => {
  localStorage.clear();
  io = fakeIntersections();
});

async function start(html = '', options?: Parameters<typeof commerce>[0], extra: Plugin[] = []): Promise<{ c: FakeClient; plugin: CommercePlugin }> {
  render(html);
  const plugin = commerce(options);
  client = await withPlugins([...extra, plugin]);
  return { c: client, plugin };
}

const LIST = `
  <ul data-sl-list-id="summer" data-sl-category="Shoes">
    <li data-sl-product-impression data-sl-product-id="p1" data-sl-name="Runner" data-sl-price="89.90" data-sl-position="1">
      <a href="/p1" data-sl-commerce="product-clicked">Runner</a>
      <button data-sl-commerce="product-added" data-sl-quantity="2">Add</button>
    </li>
    <li data-sl-product-impression data-sl-product-id="p2" data-sl-name="Walker" data-sl-price="59" data-sl-position="2"></li>
  </ul>
  <div id="hero" data-sl-promotion-impression data-sl-promotion-id="summer-sale" data-sl-creative="hero.png" data-sl-name="Summer" data-sl-position="home_top"></div>`;

describe('commerce: declarative clicks', () => {
  it('sends the event named by data-sl-commerce with snake_case properties, numbers as numbers', async () => {
    const { c } = await start(LIST);
    click('a[data-sl-commerce]');
    expect(c.calls).toEqual([
      { type: 'track', event: 'Product Clicked', properties: { list_id: 'summer', product_id: 'p1', name: 'Runner', price: 89.9, position: 1 } },
    ]);
  });

  it('merges the product attributes of the enclosing product with those of the button', async () => {
    const { c } = await start(LIST);
    click('button[data-sl-commerce]');
    expect(c.tracked('Product Added')).toEqual([{ list_id: 'summer', product_id: 'p1', name: 'Runner', price: 89.9, position: 1, quantity: 2 }]);
  });

  it('keeps a promotion slot name as a string', async () => {
    const { c } = await start('<a href="/sale" data-sl-commerce="promotion-clicked" data-sl-promotion-id="summer-sale" data-sl-position="home_top">Sale</a>');
    click('a');
    expect(c.tracked('Promotion Clicked')).toEqual([{ promotion_id: 'summer-sale', position: 'home_top' }]);
  });

  it('ignores data-sl-commerce elements that are opted out', async () => {
    const { c } = await start(`<div data-sl-no-capture>${LIST}</div>`);
    click('a[data-sl-commerce]');
    expect(c.calls).toEqual([]);
  });

  it('sends nothing for clicks with declarative: false', async () => {
    const { c } = await start(LIST, { declarative: false });
    click('a[data-sl-commerce]');
    expect(c.calls).toEqual([]);
  });
});

describe('commerce: impressions', () => {
  it('batches the products of one list seen together into one "Product List Viewed"', async () => {
    const { c } = await start(LIST);
    io.show(...document.querySelectorAll('li'));
    expect(c.calls).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Product List Viewed')).toEqual([
      {
        list_id: 'summer',
        category: 'Shoes',
        products: [
          { product_id: 'p1', name: 'Runner', price: 89.9, position: 1 },
          { product_id: 'p2', name: 'Walker', price: 59, position: 2 },
        ],
      },
    ]);
  });

  it('sends "Promotion Viewed" for a promotion seen', async () => {
    const { c } = await start(LIST);
    io.show($('#hero'));
    expect(c.tracked('Promotion Viewed')).toEqual([{ promotion_id: 'summer-sale', creative: 'hero.png', name: 'Summer', position: 'home_top' }]);
  });

  it('counts each element once and stops observing it', async () => {
    const { c } = await start(LIST);
    io.show($('#hero'));
    io.show($('#hero'));
    expect(c.tracked('Promotion Viewed')).toHaveLength(1);
    expect(io.unobserved).toEqual([$('#hero')]);
  });

  it('never observes impressions that are opted out: inside data-sl-no-capture or a denied selector', async () => {
    await start(
      '<div data-sl-no-capture><ul data-sl-list-id="mine"><li data-sl-product-impression data-sl-product-id="p1"></li></ul></div>' +
        '<div data-sl-no-capture data-sl-promotion-impression data-sl-promotion-id="x"></div>' +
        '<ul class="private" data-sl-list-id="orders"><li data-sl-product-impression data-sl-product-id="p2"></li></ul>' +
        '<ul data-sl-list-id="shop"><li id="ok" data-sl-product-impression data-sl-product-id="p3"></li></ul>',
      { denySelectors: ['.private'] },
    );
    expect([...io.observed]).toEqual([$('#ok')]);
  });

  it('observes at most 300 elements per page', async () => {
    await start(`<ul data-sl-list-id="all">${'<li data-sl-product-impression data-sl-product-id="x"></li>'.repeat(400)}</ul>`);
    expect(io.observed.size).toBe(300);
  });

  it('splits a batch of more than 50 products into several events', async () => {
    const { c } = await start(`<ul data-sl-list-id="all">${'<li data-sl-product-impression data-sl-product-id="x"></li>'.repeat(120)}</ul>`);
    io.show(...document.querySelectorAll('li'));
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Product List Viewed').map((p) => (p.products as unknown[]).length)).toEqual([50, 50, 20]);
  });

  it('sends what was seen but not yet sent when the page is left', async () => {
    const { c } = await start(LIST);
    io.show(document.querySelector('li')!);
    dispatchPageHide();
    expect(c.tracked('Product List Viewed')).toHaveLength(1);
  });

  it('gives the first batch of the next SPA page its own 1 s window: the timer of a batch the navigation sent does not cut it', async () => {
    const { c } = await start(LIST);
    settleFrame();
    // A product seen 420 ms before the navigation settles: its batch goes out then, its window not over.
    io.show($('li'));
    vi.advanceTimersByTime(300);
    history.pushState(null, '', '/shop/sale');
    settleFrame();
    render(LIST);
    vi.advanceTimersByTime(500);
    // On the new page, two products seen 200 ms apart, both within 1 s of the first.
    const [first, second] = document.querySelectorAll('li');
    io.show(first!);
    vi.advanceTimersByTime(200);
    io.show(second!);
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Product List Viewed').map((p) => (p.products as Array<{ product_id: string }>).map((product) => product.product_id))).toEqual([['p1'], ['p1', 'p2']]);
  });

  it('gives a batch begun after the page was hidden its own 1 s window', async () => {
    const { c } = await start(LIST);
    const [first, second] = document.querySelectorAll('li');
    io.show(first!);
    vi.advanceTimersByTime(600);
    dispatchVisibilityChange('hidden');
    dispatchVisibilityChange('visible');
    io.show(second!);
    // The first batch's timer would have run out here.
    vi.advanceTimersByTime(600);
    expect(c.tracked('Product List Viewed')).toHaveLength(1);
    vi.advanceTimersByTime(400);
    expect(c.tracked('Product List Viewed')).toHaveLength(2);
  });

  it('finds the elements of the next SPA page and counts them again for that page', async () => {
    const { c } = await start(LIST);
    // The list page rendered (a URL changed before that is the landing view's own).
    settleFrame();
    io.show($('#hero'));
    history.pushState(null, '', '/shop/sale');
    settleFrame();
    render(LIST);
    vi.advanceTimersByTime(500);
    io.show($('#hero'));
    expect(c.tracked('Promotion Viewed')).toHaveLength(2);
  });

  it('counts what is seen again on a page restored from the back/forward cache (a new page view)', async () => {
    const { c } = await start(LIST);
    io.show($('#hero'));
    dispatchPageHide();
    dispatchPageShow(true);
    vi.advanceTimersByTime(500);
    io.show($('#hero'));
    expect(c.tracked('Promotion Viewed')).toHaveLength(2);
  });

  it('finds elements rendered later when the page calls rescan()', async () => {
    const { c, plugin } = await start('<main></main>');
    $('main').innerHTML = LIST;
    plugin.rescan();
    io.show($('#hero'));
    expect(c.tracked('Promotion Viewed')).toHaveLength(1);
  });

  it('observes nothing with impressions: false', async () => {
    await start(LIST, { impressions: false });
    expect(io.observed.size).toBe(0);
  });
});

describe('commerce: journey timings', () => {
  it('adds time_to_purchase_ms to "Order Completed": since the first "Product Viewed" of the session', async () => {
    const { c } = await start();
    productViewed(c, { product_id: 'p1' });
    vi.advanceTimersByTime(60_000);
    productViewed(c, { product_id: 'p2' });
    vi.advanceTimersByTime(120_000);
    orderCompleted(c, { order_id: 'o1', total: 10 });
    expect(c.events.at(-1)?.properties).toMatchObject({ order_id: 'o1', time_to_purchase_ms: 180_000 });
  });

  it('adds click_to_buy_ms (since the first "Product Added") and product_dwell_ms (view to add of one product)', async () => {
    const { c } = await start();
    productViewed(c, { product_id: 'p1' });
    vi.advanceTimersByTime(30_000);
    productAdded(c, { product_id: 'p1' });
    vi.advanceTimersByTime(90_000);
    orderCompleted(c, { order_id: 'o1' });
    expect(c.events[1]?.properties).toEqual({ product_id: 'p1', product_dwell_ms: 30_000 });
    expect(c.events[2]?.properties).toMatchObject({ time_to_purchase_ms: 120_000, click_to_buy_ms: 90_000 });
  });

  it('keeps the journey across page loads of the session', async () => {
    const first = await start();
    productViewed(first.c, { product_id: 'p1' });
    await first.c.destroy();
    vi.advanceTimersByTime(45_000);
    const second = await start();
    orderCompleted(second.c, { order_id: 'o1' });
    expect(second.c.events[0]?.properties).toMatchObject({ time_to_purchase_ms: 45_000 });
  });

  it('starts a new journey after an order', async () => {
    const { c } = await start();
    productViewed(c, { product_id: 'p1' });
    orderCompleted(c, { order_id: 'o1' });
    orderCompleted(c, { order_id: 'o2' });
    expect(c.events[2]?.properties).toEqual({ order_id: 'o2' });
  });

  it('starts a new journey when the session id changes', async () => {
    let session = 's1';
    const sessions: Plugin = { name: 'session', enrich: (event) => ({ ...event, context: { ...event.context, session: { id: session } } }) };
    const { c } = await start('', {}, [sessions]);
    productViewed(c, { product_id: 'p1' });
    session = 's2';
    orderCompleted(c, { order_id: 'o1' });
    expect(c.events[1]?.properties).toEqual({ order_id: 'o1' });
  });

  it('works for plain track calls too, and keeps values the caller set', async () => {
    const { c } = await start();
    c.track('Product Viewed', { product_id: 'p1' });
    vi.advanceTimersByTime(5_000);
    c.track('Order Completed', { order_id: 'o1', time_to_purchase_ms: 1 });
    expect(c.events[1]?.properties).toEqual({ order_id: 'o1', time_to_purchase_ms: 1 });
  });

  it('stores nothing while analytics consent is denied', async () => {
    render('');
    client = await withPlugins([commerce()], {}, { analytics: false });
    productViewed(client, { product_id: 'p1' });
    expect(localStorage.length).toBe(0);
  });

  it('adds nothing with timings: false', async () => {
    const { c } = await start('', { timings: false });
    productViewed(c, { product_id: 'p1' });
    orderCompleted(c, { order_id: 'o1' });
    expect(c.events[1]?.properties).toEqual({ order_id: 'o1' });
  });
});

describe('commerce: impressions on a page still loading', () => {
  it('finds the products of a listing the parser reaches after the SDK started (an async script in <head>)', async () => {
    const { c } = await start('');
    // The parser then reaches the product grid; no SPA navigation follows on a multi-page shop.
    render(`<ul data-sl-list-id="summer">
      <li id="a" data-sl-product-impression data-sl-product-id="p1"></li>
      <li id="b" data-sl-product-impression data-sl-product-id="p2"></li></ul>`);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    io.show($('#a'), $('#b'));
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Product List Viewed')).toEqual([{ list_id: 'summer', products: [{ product_id: 'p1' }, { product_id: 'p2' }] }]);
  });
});
