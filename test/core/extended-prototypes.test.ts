import { afterEach, describe, expect, it, vi } from 'vitest';
import { autocapture } from '../../src/capture';
import { createRecordedClient } from '../utils/capture-real';
import { createHarness } from '../utils/core-harness';
import { addPrototypeJsToJson } from '../utils/prototype-js';
import { click, render, settleFrame } from '../utils/capture-dom';
import { elapse, useTransportSpec } from '../utils/transport-clock';
import { useTransportCollector } from '../utils/transport-collector';
import { removeWebLocks } from '../utils/transport-locks';
import { freshQueue, openTab } from '../utils/transport-tab';

// Old libraries still found on shops (Prototype.js, MooTools, hand-written polyfills) add
// enumerable properties to built-in prototypes. A `for…in` then sees them as the page's own
// keys: sightline must neither report them as bad options nor grow methods or properties.
const extend = (): void => {
  (Object.prototype as Record<string, unknown>).extendedByPage = 'x';
  (Array.prototype as unknown as Record<string, unknown>).each = function each() {};
};
const restore = (): void => {
  delete (Object.prototype as Record<string, unknown>).extendedByPage;
  delete (Array.prototype as unknown as Record<string, unknown>).each;
};

const collector = useTransportCollector();

describe('a page whose scripts extend Object.prototype and Array.prototype', () => {
  afterEach(restore);

  it('reports nothing, adds nothing to the client, and captures clean events', async () => {
    vi.useFakeTimers();
    render('<button id="buy" data-sl-commerce="product-clicked" data-sl-product-id="p1" data-sl-price="3">Buy</button>');
    extend();
    const recorded = await createRecordedClient(autocapture({ vitals: false }), { writeKey: 'k' });
    settleFrame();
    click('#buy');
    recorded.client.track('Cart Viewed', { products: [{ product_id: 'p1' }], cart: { total: 3 } });
    await recorded.settle();
    restore(); // before asserting: the matchers would see the page's additions too

    expect(recorded.errors).toEqual([]);
    expect(Object.keys(recorded.client)).not.toContain('extendedByPage');
    expect(recorded.events.map((e) => [e.event ?? e.type, e.properties])).toEqual([
      ['page', expect.objectContaining({ path: '/' })],
      ['Element Clicked', { selector: '#buy', tag: 'button', text: 'Buy' }],
      ['Product Clicked', { product_id: 'p1', price: 3 }],
      ['Cart Viewed', { products: [{ product_id: 'p1' }], cart: { total: 3 } }],
    ]);
    await recorded.client.destroy();
    vi.useRealTimers();
  });

  describe.each([
    ['Web Locks', () => undefined],
    ['the localStorage lease', removeWebLocks],
  ])('delivery, with %s', (_, lock) => {
    useTransportSpec();

    it('delivers every event once and reports nothing', async () => {
      lock();
      extend();
      const tab = await openTab({ queue: { name: freshQueue() }, format: 'segment' });
      for (let i = 0; i < 60; i++) tab.track(`Product Viewed ${i}`, { i, tags: ['a', 'b'] });
      await elapse(3_000);
      const errors = tab.errors.map((e) => e.code);
      await tab.destroy();
      restore();

      expect(errors).toEqual([]);
      const ids = collector.delivered();
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      expect(collector.received[0]!.body.batch[0]!.properties).toEqual({ i: 0, tags: ['a', 'b'] });
    });
  });
});

describe('a page whose Prototype.js (before 1.7) gave Array.prototype a toJSON', () => {
  let undo = (): void => {};
  afterEach(() => undo());

  it('keeps the lists of an event lists, and reports nothing', async () => {
    undo = addPrototypeJsToJson();
    const harness = createHarness();
    harness.client.track('Cart Viewed', { products: [{ product_id: 'p1', categories: ['a', 'b'] }], cart: { total: 3 } });
    await harness.settle();
    undo();

    expect(harness.codes()).toEqual([]);
    expect(harness.events.map((e) => e.properties)).toEqual([{ products: [{ product_id: 'p1', categories: ['a', 'b'] }], cart: { total: 3 } }]);
  });
});
