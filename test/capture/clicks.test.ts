import { describe, expect, it, vi } from 'vitest';
import { clicks, CAPTURE_ERRORS } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { $, click, render, watchValueReads } from '../utils/capture-dom';

let client: FakeClient | undefined;

useCaptureSpec();

async function start(html: string, options: Parameters<typeof clicks>[0] = { deadClicks: false }): Promise<FakeClient> {
  render(html);
  client = await withPlugins([clicks(options)]);
  return client;
}

describe('clicks: what is captured', () => {
  it.each([
    ['a link', '<a href="/shoes">Shoes</a>', 'a', 'a'],
    ['a button', '<button>Buy</button>', 'button', 'button'],
    ['a [role=button]', '<div role="button">Open</div>', 'div', 'div'],
    ['an input of type submit', '<input type="submit" aria-label="Send">', 'input', 'input'],
    ['an input of type button', '<input type="button" title="Go">', 'input', 'input'],
  ])('sends "Element Clicked" for %s', async (_, html, selector, tag) => {
    const c = await start(html);
    click(selector);
    expect(c.tracked('Element Clicked')).toEqual([expect.objectContaining({ tag })]);
  });

  it('captures a click on a span inside a button as the button', async () => {
    const c = await start('<button id="buy"><span>Add to <b>cart</b></span></button>');
    click('b');
    expect(c.tracked('Element Clicked')).toEqual([{ selector: '#buy', tag: 'button', text: 'Add to cart' }]);
  });

  it('ignores clicks on plain, non-interactive elements', async () => {
    const c = await start('<p>Just text</p><input type="text" name="q">');
    click('p');
    click('input');
    expect(c.calls).toEqual([]);
  });

  it('sends the event named by data-sl-event with data-sl-* properties in camelCase', async () => {
    const c = await start('<div data-sl-event="Size Guide Opened" data-sl-product-id="p1" data-sl-guide-type="shoes"><span>Size guide</span></div>');
    click('span');
    expect(c.calls).toEqual([{ type: 'track', event: 'Size Guide Opened', properties: { productId: 'p1', guideType: 'shoes' } }]);
  });

  it('listens once, passively, in the capture phase on the document', async () => {
    const add = vi.spyOn(document, 'addEventListener');
    await start('<button>Buy</button>');
    const calls = add.mock.calls.filter(([type]) => type === 'click');
    expect(calls).toEqual([['click', expect.any(Function), { passive: true, capture: true }]]);
  });

  it('still sees clicks whose page handler stops propagation', async () => {
    const c = await start('<button>Buy</button>');
    $('button').addEventListener('click', (e) => e.stopPropagation());
    click('button');
    expect(c.tracked('Element Clicked')).toHaveLength(1);
  });
});

describe('clicks: selectors', () => {
  it.each([
    ['the id', '<main><button id="checkout" class="btn">Pay</button></main>', '#checkout'],
    ['data-sl-id', '<main><button data-sl-id="pay">Pay</button></main>', '[data-sl-id="pay"]'],
    ['data-testid', '<main><button data-testid="pay-button">Pay</button></main>', '[data-testid="pay-button"]'],
    ['an ancestor id', '<section id="cart"><div class="row"><button class="btn primary large">Pay</button></div></section>', '#cart > div.row > button.btn.primary'],
    ['nth-of-type among same-tag siblings', '<ul><li><a href="/a">A</a></li><li><a href="/b" class="x">B</a></li></ul>', 'ul > li:nth-of-type(2) > a.x'],
    ['nth-of-type(1) when only later siblings share the tag', '<ul><li class="first"><a href="/a">A</a></li><li>B</li></ul>', 'ul > li.first:nth-of-type(1) > a'],
    ['no nth-of-type when siblings have other tags', '<div><p>x</p><button class="buy">Pay</button><p>y</p></div>', 'div > button.buy'],
    ['classes separated by any whitespace', '<main><button class="btn\n\tprimary  large">Pay</button></main>', 'main > button.btn.primary'],
  ])('prefers %s', async (_, html, selector) => {
    const c = await start(html);
    const target = [...document.querySelectorAll('button, a')].at(-1)!;
    click(target);
    expect(c.tracked('Element Clicked')[0]?.selector).toBe(selector);
  });

  it('skips generated ids and class names', async () => {
    const c = await start('<div id="ember1234"><button id=":r1:" class="css-1x2y3z4 sc-abc buy">Go</button></div>');
    click('button');
    expect(c.tracked('Element Clicked')[0]?.selector).toBe('div > button.buy');
  });

  it('escapes quotes and backslashes of a data-testid as a CSS string needs', async () => {
    const c = await start('<main><button data-testid="say &quot;hi&quot; \\ now">Pay</button></main>');
    click('button');
    expect(c.tracked('Element Clicked')[0]?.selector).toBe('[data-testid="say \\"hi\\" \\\\ now"]');
  });

  it('stops after five levels', async () => {
    const c = await start('<div><div><div><div><div><div><div><button>Deep</button></div></div></div></div></div></div></div>');
    click('button');
    expect(c.tracked('Element Clicked')[0]?.selector).toBe('div > div > div > div > button');
  });

  it('gives the same selector for the same element after a re-render', async () => {
    const html = '<nav><ul class="menu"><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav>';
    const c = await start(html);
    click('li:nth-of-type(2) a');
    render(html);
    click('li:nth-of-type(2) a');
    const [first, second] = c.tracked('Element Clicked');
    expect(first?.selector).toBe('nav > ul.menu > li:nth-of-type(2) > a');
    expect(second?.selector).toBe(first?.selector);
  });
});

describe('clicks: text', () => {
  it('trims, collapses whitespace and keeps at most 100 characters', async () => {
    const c = await start(`<button>  Add\n\n   to    cart ${'x'.repeat(200)}</button>`);
    click('button');
    const text = c.tracked('Element Clicked')[0]?.text as string;
    expect(text.startsWith('Add to cart xxx')).toBe(true);
    expect(text).toHaveLength(100);
  });

  it('never takes text from inputs, textareas, selects or editable regions inside the element', async () => {
    const c = await start('<button>Save <textarea>my secret note</textarea><select><option>4111</option></select><span contenteditable>typed</span></button>');
    click('button');
    expect(c.tracked('Element Clicked')[0]?.text).toBe('Save');
  });

  it('never takes text from an element inside an editable region', async () => {
    const c = await start('<div contenteditable="true"><button>private words</button></div>');
    click('button');
    expect(c.tracked('Element Clicked')[0]).not.toHaveProperty('text');
  });

  it('never reads the value of a submit input (only its aria-label or title)', async () => {
    const c = await start('<input type="submit" value="Pay jane@example.com">');
    const sdkReads = watchValueReads();
    click('input');
    expect(sdkReads()).toEqual([]);
    expect(c.tracked('Element Clicked')[0]).not.toHaveProperty('text');
  });

  it('uses aria-label for an icon button without text', async () => {
    const c = await start('<button aria-label="Close dialog"><svg></svg></button>');
    click('button');
    expect(c.tracked('Element Clicked')[0]?.text).toBe('Close dialog');
  });
});

describe('clicks: links', () => {
  it.each([
    ['a same-host link', '<a href="/shoes">x</a>', { href: 'http://localhost:3000/shoes', outbound: false, download: false }],
    ['an outbound link', '<a href="https://partner.example/deal">x</a>', { href: 'https://partner.example/deal', outbound: true, download: false }],
    ['a link with the download attribute', '<a href="/export" download>x</a>', { href: 'http://localhost:3000/export', outbound: false, download: true }],
    ['a link to a PDF', '<a href="/files/size-chart.PDF?v=2">x</a>', { href: 'http://localhost:3000/files/size-chart.PDF?v=2', outbound: false, download: true }],
    ['an outbound zip', '<a href="https://cdn.example/app.zip">x</a>', { href: 'https://cdn.example/app.zip', outbound: true, download: true }],
    ['a mailto link', '<a href="mailto:help@shop.example">x</a>', { href: 'mailto:help@shop.example', outbound: false, download: false }],
  ])('flags %s', async (_, html, flags) => {
    const c = await start(html);
    click('a');
    expect(c.tracked('Element Clicked')[0]).toMatchObject(flags);
  });

  it('uses downloadExtensions when given', async () => {
    const c = await start('<a href="/model.glb">3D</a><a href="/guide.pdf">PDF</a>', { deadClicks: false, downloadExtensions: ['glb'] });
    click('a[href="/model.glb"]');
    click('a[href="/guide.pdf"]');
    expect(c.tracked('Element Clicked').map((p) => p.download)).toEqual([true, false]);
  });

  it('takes one download extension from plain JavaScript as a list of one', async () => {
    const c = await start('<a href="/model.glb">3D</a><a href="/guide.pdf">PDF</a><a href="/part.lb">Part</a>', { deadClicks: false, downloadExtensions: 'glb' as never });
    click('a[href="/model.glb"]');
    click('a[href="/guide.pdf"]');
    click('a[href="/part.lb"]'); // a whole extension, not a piece of the string
    expect(c.tracked('Element Clicked').map((p) => p.download)).toEqual([true, false, false]);
    expect(c.errors).toEqual([]);
  });

  it('leaves out javascript: hrefs', async () => {
    const c = await start('<a href="javascript:void(0)">Open</a>');
    click('a');
    expect(c.tracked('Element Clicked')[0]).not.toHaveProperty('href');
  });
});

describe('clicks: opting out', () => {
  it('ignores elements with data-sl-no-capture and everything inside them', async () => {
    const c = await start('<div data-sl-no-capture><button>Hidden</button></div><button data-sl-no-capture>Also</button><button id="ok">Ok</button>');
    click('div button');
    click('button[data-sl-no-capture]');
    click('#ok');
    expect(c.tracked('Element Clicked').map((p) => p.selector)).toEqual(['#ok']);
  });

  it('leaves the text of a data-sl-no-capture part out of the enclosing element\'s text', async () => {
    const c = await start('<button id="ship">Ship to <span data-sl-no-capture>Jane Doe, 12 Main St</span></button>');
    click('#ship');
    expect(c.tracked('Element Clicked')[0]?.text).toBe('Ship to');
  });

  it('leaves the text of a part matching denySelectors out of the enclosing element\'s text, also in rage and dead clicks', async () => {
    const c = await start('<button id="ship">Ship to <span class="address">Jane Doe, 12 Main St</span></button>', { denySelectors: ['.address'] });
    // Three clicks a few milliseconds apart (clicks in one millisecond are one: see rage clicks).
    for (let i = 0; i < 3; i++) vi.advanceTimersByTime(5), click('#ship');
    vi.advanceTimersByTime(1_000);
    for (const name of ['Element Clicked', 'Rage Click', 'Dead Click']) expect(c.tracked(name)[0]?.text, name).toBe('Ship to');
  });

  it('ignores elements matching denySelectors, on the element or an ancestor', async () => {
    const c = await start('<div class="account"><button>Delete</button></div><a class="secret" href="/x">x</a><button id="ok">Ok</button>', {
      deadClicks: false,
      denySelectors: ['.account', 'a.secret'],
    });
    click('.account button');
    click('a.secret');
    click('#ok');
    expect(c.tracked('Element Clicked').map((p) => p.selector)).toEqual(['#ok']);
  });

  it('takes one deny selector from plain JavaScript as a list of one', async () => {
    const c = await start('<div class="account"><button>Delete</button></div><button id="ok">Ok</button>', { deadClicks: false, denySelectors: '.account' as never });
    click('.account button');
    click('#ok');
    expect(c.tracked('Element Clicked').map((p) => p.selector)).toEqual(['#ok']);
    expect(c.errors).toEqual([]);
  });

  it('reports an invalid deny selector once and keeps the valid ones', async () => {
    const c = await start('<button class="a">A</button><button id="ok">Ok</button>', { deadClicks: false, denySelectors: ['a[[[', '.a'] });
    click('.a');
    click('#ok');
    expect(c.errors).toEqual([expect.objectContaining({ code: CAPTURE_ERRORS.invalidSelector, detail: { plugin: 'clicks' } })]);
    expect(c.tracked('Element Clicked').map((p) => p.selector)).toEqual(['#ok']);
  });

  it('removes its listener on teardown', async () => {
    const c = await start('<button>Buy</button>');
    await c.destroy();
    click('button');
    expect(c.calls).toEqual([]);
  });
});
