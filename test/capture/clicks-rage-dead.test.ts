import { describe, expect, it, vi } from 'vitest';
import { clicks } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { $, click, render } from '../utils/capture-dom';

let client: FakeClient | undefined;

useCaptureSpec();

async function start(html: string, options: Parameters<typeof clicks>[0] = {}): Promise<FakeClient> {
  render(html);
  client = await withPlugins([clicks(options)]);
  return client;
}

/** Clicks `selector` at the given points, `gap` ms apart. */
function clicksAt(selector: string, points: Array<[number, number]>, gap: number): void {
  for (const [i, [x, y]] of points.entries()) {
    if (i) vi.advanceTimersByTime(gap);
    click(selector, { x, y });
  }
}

/**
 * A shopper's click on a <label> as Chromium delivers it: the label's click, then the click
 * the label forwards to its field, with the same point. happy-dom forwards it at 0,0: this
 * copies the label click's point onto it. Returns the tags the clicks reached.
 */
function clickLabel(label: Element, x: number, y: number): string[] {
  const seen: string[] = [];
  const asChromium = (e: Event): void => {
    seen.push((e.target as Element).tagName);
    if (e.target !== label) Object.defineProperties(e, { clientX: { value: x }, clientY: { value: y } });
  };
  window.addEventListener('click', asChromium, true);
  label.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, detail: 1 }));
  window.removeEventListener('click', asChromium, true);
  return seen;
}

describe('rage clicks', () => {
  // A size picker or a filter checkbox as most themes build it: each click is two events.
  it('counts a click on a <label> once: two clicks on a size picker are no "Rage Click", three are', async () => {
    const c = await start('<label id="s">S <input type="radio" name="size" value="s"></label>', { deadClicks: false });
    expect(clickLabel($('#s'), 40, 40)).toEqual(['LABEL', 'INPUT']);
    vi.advanceTimersByTime(400);
    clickLabel($('#s'), 42, 41);
    expect(c.tracked('Rage Click')).toEqual([]);
    vi.advanceTimersByTime(400);
    clickLabel($('#s'), 41, 40);
    expect(c.tracked('Rage Click')).toHaveLength(1);
  });

  it('sends one "Rage Click" for three clicks within 1 s and 30 px', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', [[100, 100], [110, 105], [95, 120]], 300);
    expect(c.tracked('Rage Click')).toEqual([{ selector: '#pay', tag: 'button', text: 'Pay', clickCount: 3 }]);
  });

  it('sends one "Rage Click" per burst, however long the shopper keeps clicking', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', Array.from({ length: 8 }, () => [100, 100] as [number, number]), 150);
    expect(c.tracked('Rage Click')).toHaveLength(1);
  });

  it('sends one "Rage Click" per burst when the shopper keeps clicking at a steady pace', async () => {
    // 400 ms apart: each click's window of 1 s holds three clicks, the burst never pauses.
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', Array.from({ length: 8 }, () => [100, 100] as [number, number]), 400);
    expect(c.tracked('Rage Click')).toHaveLength(1);
  });

  it('sends a "Rage Click" again for a burst after a pause of more than 1 s', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', [[100, 100], [100, 100], [100, 100]], 400);
    vi.advanceTimersByTime(1001);
    clicksAt('#pay', [[100, 100], [100, 100], [100, 100]], 400);
    expect(c.tracked('Rage Click')).toHaveLength(2);
  });

  it('sends a "Rage Click" for a burst elsewhere right after one', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', [[100, 100], [100, 100], [100, 100], [300, 100], [300, 100], [300, 100]], 100);
    expect(c.tracked('Rage Click')).toHaveLength(2);
  });

  it('sends nothing for three clicks spread over more than 1 s', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', [[100, 100], [100, 100], [100, 100]], 600);
    expect(c.tracked('Rage Click')).toEqual([]);
  });

  it('sends nothing for three quick clicks far apart', async () => {
    const c = await start('<button id="pay">Pay</button>', { deadClicks: false });
    clicksAt('#pay', [[0, 0], [100, 0], [200, 0]], 100);
    expect(c.tracked('Rage Click')).toEqual([]);
  });

  it('counts rage on elements that are not interactive, describing the element clicked', async () => {
    const c = await start('<p class="price">€ 99</p>', { deadClicks: false });
    clicksAt('p', [[5, 5], [5, 5], [5, 5]], 100);
    expect(c.tracked('Rage Click')).toEqual([{ selector: 'p.price', tag: 'p', text: '€ 99', clickCount: 3 }]);
    expect(c.tracked('Element Clicked')).toEqual([]);
  });

  it('sends nothing with rageClicks: false', async () => {
    const c = await start('<button>Pay</button>', { deadClicks: false, rageClicks: false });
    clicksAt('button', [[1, 1], [1, 1], [1, 1]], 50);
    expect(c.tracked('Rage Click')).toEqual([]);
  });
});

describe('dead clicks', () => {
  it('sends "Dead Click" when a click changes nothing within 1 s', async () => {
    const c = await start('<button id="apply">Apply coupon</button>');
    click('#apply');
    vi.advanceTimersByTime(999);
    expect(c.tracked('Dead Click')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(c.tracked('Dead Click')).toEqual([{ selector: '#apply', tag: 'button', text: 'Apply coupon' }]);
  });

  it('sends nothing when the click changes the DOM', async () => {
    const c = await start('<button id="more">More</button><ul></ul>');
    $('#more').addEventListener('click', () => setTimeout(() => $('ul').append(document.createElement('li')), 300));
    click('#more');
    vi.advanceTimersByTime(300);
    await Promise.resolve();
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });

  it('sends nothing when the click navigates (SPA route change)', async () => {
    const c = await start('<a href="/shoes" id="nav">Shoes</a>');
    $('#nav').addEventListener('click', () => history.pushState(null, '', '/shoes'));
    click('#nav');
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });

  it('sends nothing when the click moves focus', async () => {
    const c = await start('<button id="search">Search</button><input id="q">');
    $('#search').addEventListener('click', () => $('#q').focus());
    click('#search');
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });

  it.each([
    ['a button without a type', '<button id="go">Go</button>'],
    ['a type=submit button', '<button type="submit" id="go">Go</button>'],
    ['a submit input', '<input type="submit" id="go" value="Go">'],
  ])('sends nothing for %s whose form submission the page handles', async (_, button) => {
    const c = await start(`<form><input name="q">${button}</form>`);
    $('form').addEventListener('submit', (e) => e.preventDefault());
    click('#go', { navigate: true });
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });

  it('still sends "Dead Click" for a type=button button inside a form (it submits nothing)', async () => {
    const c = await start('<form><input name="q"><button type="button" id="check">Check</button></form>');
    click('#check', { navigate: true });
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([{ selector: '#check', tag: 'button', text: 'Check' }]);
  });

  it('observes the DOM only during the 1 s window, then disconnects', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    await start('<button>Pay</button>');
    expect(observe).not.toHaveBeenCalled();
    click('button');
    expect(observe).toHaveBeenCalledTimes(1);
    expect(disconnect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(disconnect).toHaveBeenCalled();
  });

  it('watches one click at a time, so a hammered broken button gives one "Dead Click"', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const c = await start('<button>Pay</button>', { rageClicks: false });
    clicksAt('button', [[1, 1], [1, 1], [1, 1]], 200);
    vi.advanceTimersByTime(1000);
    expect(observe).toHaveBeenCalledTimes(1);
    expect(c.tracked('Dead Click')).toHaveLength(1);
  });

  it('disconnects a pending window on teardown', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const c = await start('<button>Pay</button>');
    click('button');
    await c.destroy();
    expect(disconnect).toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });

  it('starts no observer with deadClicks: false', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const c = await start('<button>Pay</button>', { deadClicks: false });
    click('button');
    vi.advanceTimersByTime(1000);
    expect(observe).not.toHaveBeenCalled();
    expect(c.tracked('Dead Click')).toEqual([]);
  });
});

describe('dead clicks: what leaves the page', () => {
  it('counts a javascript: link whose handler never came as dead (it stays on the page)', async () => {
    const c = await start('<a id="guide" href="javascript:void(0)">Size guide</a>');
    click('#guide', { navigate: true });
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([{ selector: '#guide', tag: 'a', text: 'Size guide' }]);
  });

  it('sends nothing for a submit button tied to its form by form="…" whose submission the page handles', async () => {
    // Shopify Dawn's cart: <button type="submit" name="checkout" form="cart"> outside the form.
    const c = await start('<form id="cart" action="/cart"><input name="q"></form><button type="submit" form="cart" id="checkout">Check out</button>');
    $('form').addEventListener('submit', (e) => e.preventDefault());
    click('#checkout', { navigate: true });
    vi.advanceTimersByTime(1000);
    expect(c.tracked('Dead Click')).toEqual([]);
  });
});
