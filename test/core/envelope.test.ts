import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/core';
import { clearBrowserState, createHarness, setUrl } from '../utils/core-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(() => {
  clearBrowserState();
  setUrl('https://shop.example/products/42?color=red');
  document.title = 'Red shoes';
});
afterEach(() => setUrl('http://localhost:3000/'));

describe('the event envelope', () => {
  it('gives a track event its name, properties and the full envelope', async () => {
    const h = createHarness();
    h.client.track('Product Viewed', { sku: 'A1', price: 9.5 });
    await h.settle();
    const [ev] = h.events;
    expect(ev).toMatchObject({ type: 'track', event: 'Product Viewed', properties: { sku: 'A1', price: 9.5 }, userId: null });
    expect(ev!.messageId).toMatch(UUID);
    expect(ev!.anonymousId).toMatch(UUID);
    expect(new Date(ev!.timestamp).toISOString()).toBe(ev!.timestamp);
  });

  it('gives every event a different messageId', async () => {
    const h = createHarness();
    for (let i = 0; i < 20; i++) h.client.track('Tick');
    await h.settle();
    expect(new Set(h.events.map((e) => e.messageId)).size).toBe(20);
  });

  it('fills the context with page, locale, timezone, screen, user agent, library and consent', async () => {
    const h = createHarness();
    h.client.track('Viewed');
    await h.settle();
    const { context } = h.events[0]!;
    expect(context.page).toEqual({
      path: '/products/42',
      url: 'https://shop.example/products/42?color=red',
      title: 'Red shoes',
      referrer: '',
      search: '?color=red',
    });
    expect(context.library).toEqual({ name: 'sightline', version: VERSION });
    expect(context.consent).toEqual({ necessary: true, analytics: true, personalization: true, fingerprinting: true });
    expect(context.locale).toBe(navigator.language);
    expect(context.userAgent).toBe(navigator.userAgent);
    expect(context.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(context.screen).toEqual({ width: screen.width, height: screen.height, density: devicePixelRatio });
    expect(context.session).toBeUndefined();
  });

  it('reads the page when the event is made, not when the client was', async () => {
    const h = createHarness();
    h.client.track('First');
    history.pushState({}, '', '/cart?step=2');
    document.title = 'Cart';
    h.client.track('Second');
    await h.settle();
    expect(h.events.map((e) => [e.context.page!.path, e.context.page!.search, e.context.page!.title])).toEqual([
      ['/products/42', '?color=red', 'Red shoes'],
      ['/cart', '?step=2', 'Cart'],
    ]);
  });

  it('gives a page call its name and Segment page properties', async () => {
    const h = createHarness();
    h.client.page('Product', { category: 'shoes' });
    await h.settle();
    expect(h.events[0]).toMatchObject({
      type: 'page',
      name: 'Product',
      properties: {
        name: 'Product',
        category: 'shoes',
        path: '/products/42',
        url: 'https://shop.example/products/42?color=red',
        title: 'Red shoes',
        search: '?color=red',
        referrer: '',
      },
    });
  });

  it('takes page(properties) without a name', async () => {
    const h = createHarness();
    h.client.page({ category: 'shoes' });
    await h.settle();
    expect(h.events[0]!.name).toBeUndefined();
    expect(h.events[0]!.properties).toMatchObject({ category: 'shoes', path: '/products/42' });
  });

  it('lets page properties override the page defaults', async () => {
    const h = createHarness();
    h.client.page('Home', { title: 'Custom title' });
    await h.settle();
    expect(h.events[0]!.properties.title).toBe('Custom title');
  });

  it('gives an identify event the merged traits and the user id', async () => {
    const h = createHarness();
    h.client.identify('u1', { plan: 'gold' });
    await h.settle();
    expect(h.events[0]).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'gold' }, properties: {} });
  });

  it('gives an alias event the new id as userId and the previous id', async () => {
    const h = createHarness();
    h.client.alias('new-id', 'old-id');
    await h.settle();
    expect(h.events[0]).toMatchObject({ type: 'alias', userId: 'new-id', previousId: 'old-id' });
  });

  it('snapshots properties at call time', async () => {
    const h = createHarness();
    const props = { items: ['a'] };
    h.client.track('Cart', props);
    props.items.push('b');
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ items: ['a'] });
  });

  it('hands destinations events that survive a JSON round trip unchanged', async () => {
    const h = createHarness();
    h.client.track('Bought', { when: new Date(0), tags: new Set(['x']), n: 1 });
    await h.settle();
    const ev = h.events[0]!;
    expect(JSON.parse(JSON.stringify(ev))).toEqual(ev);
  });
});
