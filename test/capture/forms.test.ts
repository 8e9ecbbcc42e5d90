import { describe, expect, it, vi } from 'vitest';
import { forms } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { $, blurField, dispatchPageHide, dispatchVisibilityChange, focus, render, resetUrl, settleFrame, watchValueReads } from '../utils/capture-dom';

let client: FakeClient | undefined;

const CHECKOUT = `
  <form id="checkout" name="pay" action="/checkout/pay?step=2">
    <input name="email" type="email" value="jane@example.com">
    <input name="card" autocomplete="cc-number" value="4111 1111 1111 1111">
    <input name="password" type="password" value="hunter2">
    <select name="country"><option selected>FR</option></select>
    <textarea name="note">leave at the door</textarea>
    <input type="checkbox" name="terms" checked>
    <input type="hidden" name="csrf" value="t0k3n">
    <button>Pay</button>
  </form>`;

useCaptureSpec({ url: '/checkout' });

async function start(html = CHECKOUT, options?: Parameters<typeof forms>[0]): Promise<FakeClient> {
  render(html);
  client = await withPlugins([forms(options)]);
  return client;
}

function submit(form = $('form')): void {
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

/** Focuses `name` for `ms`, then blurs it. */
function fill(name: string, ms: number): void {
  focus(`[name=${name}]`);
  vi.advanceTimersByTime(ms);
  blurField(`[name=${name}]`);
}

describe('forms', () => {
  it('sends "Form Started" on the first focus in a form, once', async () => {
    const c = await start();
    fill('email', 100);
    fill('card', 100);
    expect(c.tracked('Form Started')).toEqual([expect.objectContaining({ formId: 'checkout', formName: 'pay', action: '/checkout/pay', path: '/checkout', fieldCount: 6 })]);
  });

  it('sends "Form Submitted" with form id, name, action path, field counts and time per field', async () => {
    const c = await start();
    fill('email', 2000);
    fill('card', 5000);
    fill('email', 1000);
    submit();
    expect(c.tracked('Form Submitted')).toEqual([
      {
        formId: 'checkout',
        formName: 'pay',
        action: '/checkout/pay',
        path: '/checkout',
        fieldCount: 6,
        fieldsTouched: 2,
        durationMs: 8000,
        fields: [
          { name: 'email', type: 'email', focusCount: 2, blurCount: 2, timeMs: 3000 },
          { name: 'card', type: 'text', focusCount: 1, blurCount: 1, timeMs: 5000 },
        ],
      },
    ]);
  });

  it('ends the time of a field when focus moves to another form, even without a focusout', async () => {
    const c = await start(`${CHECKOUT}<form id="newsletter"><input name="subscribe"></form>`);
    focus('[name=email]');
    vi.advanceTimersByTime(1000);
    focus('[name=subscribe]');
    vi.advanceTimersByTime(5000);
    submit();
    expect(c.tracked('Form Submitted')[0]?.fields).toEqual([{ name: 'email', type: 'email', focusCount: 1, blurCount: 1, timeMs: 1000 }]);
  });

  it('reads form id, name and action from attributes even when fields shadow them', async () => {
    const c = await start('<form id="f" name="n" action="/go"><input name="id"><input name="name"><input name="action"></form>');
    fill('id', 10);
    submit();
    expect(c.tracked('Form Submitted')[0]).toMatchObject({ formId: 'f', formName: 'n', action: '/go', fieldCount: 3 });
  });

  it('never calls the value, checked, files or selection getters of any field', async () => {
    const sdkReads = watchValueReads();
    const c = await start();
    for (const name of ['email', 'card', 'password', 'country', 'note', 'terms']) fill(name, 10);
    history.pushState(null, '', '/elsewhere');
    settleFrame();
    render(CHECKOUT);
    fill('card', 10);
    submit();
    expect(c.names()).toEqual(['Form Started', 'Form Abandoned', 'Form Started', 'Form Submitted']);
    expect(sdkReads()).toEqual([]);
    expect(JSON.stringify(c.calls)).not.toMatch(/jane@|4111|hunter2|leave at|t0k3n/);
  });

  it('sends "Form Abandoned" at page exit for a touched, unsubmitted form, with the last field', async () => {
    const c = await start();
    fill('email', 1000);
    focus('[name=card]');
    vi.advanceTimersByTime(4000);
    dispatchPageHide();
    expect(c.tracked('Form Abandoned')).toEqual([
      expect.objectContaining({
        formId: 'checkout',
        fieldsTouched: 2,
        lastField: 'card',
        durationMs: 5000,
        fields: [
          { name: 'email', type: 'email', focusCount: 1, blurCount: 1, timeMs: 1000 },
          // Still focused as the page ends: its time counts, and it was not left.
          { name: 'card', type: 'text', focusCount: 1, blurCount: 0, timeMs: 4000 },
        ],
      }),
    ]);
  });

  it('sends "Form Abandoned" when the page is hidden, once, and still "Form Submitted" if the shopper returns', async () => {
    const c = await start();
    fill('email', 10);
    dispatchVisibilityChange('hidden');
    dispatchVisibilityChange('visible');
    dispatchVisibilityChange('hidden');
    dispatchVisibilityChange('visible');
    fill('card', 10);
    submit();
    expect(c.names()).toEqual(['Form Started', 'Form Abandoned', 'Form Submitted']);
  });

  it('sends "Form Abandoned" on SPA navigation, with the path of the page left', async () => {
    const c = await start();
    // The checkout rendered (a URL changed before that is the landing view's own).
    settleFrame();
    fill('email', 10);
    history.pushState(null, '', '/thanks');
    settleFrame();
    expect(c.tracked('Form Abandoned')).toEqual([expect.objectContaining({ path: '/checkout', lastField: 'email' })]);
  });

  it('sends nothing at exit for a submitted form or an untouched one', async () => {
    const c = await start(`${CHECKOUT}<form id="newsletter"><input name="email"></form>`);
    fill('email', 10);
    submit();
    dispatchPageHide();
    expect(c.tracked('Form Abandoned')).toEqual([]);
  });

  it('ignores hidden inputs and buttons as fields', async () => {
    const c = await start();
    focus('button');
    focus('[name=csrf]');
    expect(c.calls).toEqual([]);
  });

  it('ignores forms inside data-sl-no-capture or matching denySelectors', async () => {
    const c = await start(`<div data-sl-no-capture>${CHECKOUT}</div><form class="login"><input name="user"></form>`, { denySelectors: ['.login'] });
    fill('email', 10);
    fill('user', 10);
    submit();
    submit($('.login'));
    dispatchPageHide();
    expect(c.calls).toEqual([]);
  });

  it('removes its listeners on teardown', async () => {
    const c = await start();
    await c.destroy();
    fill('email', 10);
    submit();
    dispatchPageHide();
    expect(c.calls).toEqual([]);
  });
});

describe('forms: after an SPA navigation', () => {
  it('resolves "Form Abandoned"\'s action against the page the form was on, also without an action', async () => {
    resetUrl('/checkout/shipping');
    const c = await start('<form id="ship"><input name="zip"></form>');
    fill('zip', 500);
    history.pushState(null, '', '/help');
    settleFrame();
    expect(c.tracked('Form Started')[0]?.action).toBe('/checkout/shipping');
    expect(c.tracked('Form Abandoned')[0]).toMatchObject({ path: '/checkout/shipping', action: '/checkout/shipping' });
  });

  it('resolves a relative action against the page the form was on', async () => {
    resetUrl('/checkout/shipping');
    const c = await start('<form id="ship" action="save"><input name="zip"></form>');
    settleFrame();
    focus('[name=zip]');
    history.pushState(null, '', '/account/orders');
    settleFrame();
    expect(c.tracked('Form Started')[0]?.action).toBe('/checkout/save');
    expect(c.tracked('Form Abandoned')[0]?.action).toBe('/checkout/save');
  });
});

describe('forms: a submit handled on the page', () => {
  it('counts the focused field\'s time so far and keeps timing it (Enter in a search field)', async () => {
    const c = await start('<form id="search"><input name="q"></form>');
    focus('[name=q]');
    vi.advanceTimersByTime(1000);
    // Enter in the field: the form submits, the page handles it in place, focus stays.
    submit();
    expect(c.tracked('Form Submitted')[0]?.fields).toEqual([{ name: 'q', type: 'text', focusCount: 1, blurCount: 0, timeMs: 1000 }]);
    vi.advanceTimersByTime(2000);
    blurField('[name=q]');
    submit();
    expect(c.tracked('Form Submitted')[1]?.fields).toEqual([{ name: 'q', type: 'text', focusCount: 1, blurCount: 1, timeMs: 3000 }]);
  });
});
