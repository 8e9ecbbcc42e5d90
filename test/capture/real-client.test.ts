import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autocapture, commerce, errors, forms, orderCompleted, productViewed } from '../../src/capture';
import { createRecordedClient, type RecordedClient } from '../utils/capture-real';
import { $, click, dispatchPageHide, focus, render, resetUrl, settleFrame } from '../utils/capture-dom';

let recorded: RecordedClient | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  resetUrl('/');
  document.title = 'Shop';
});

afterEach(async () => {
  await recorded?.client.destroy();
  recorded = undefined;
  vi.useRealTimers();
});

describe('capture through the real client', () => {
  it('delivers autocaptured page views and clicks as full events', async () => {
    render('<button id="buy">Buy</button>');
    recorded = await createRecordedClient(autocapture({ vitals: false }));
    settleFrame();
    click('#buy');
    await recorded.settle();
    const [page] = recorded.events.filter((e) => e.type === 'page');
    expect(page).toMatchObject({ type: 'page', properties: { path: '/', title: 'Shop', url: 'http://localhost:3000/' }, context: { page: { path: '/' } } });
    const [clicked] = recorded.tracked('Element Clicked');
    expect(clicked).toMatchObject({ properties: { selector: '#buy', tag: 'button', text: 'Buy' }, messageId: expect.any(String), anonymousId: expect.any(String) });
    expect(clicked?.context).toMatchObject({ device: { class: 'desktop' }, referrer: { type: 'direct' }, viewport: expect.any(Object) });
  });

  it('sends nothing while analytics consent is denied, then captures once it is granted', async () => {
    render('<button id="buy">Buy</button>');
    recorded = await createRecordedClient(autocapture({ vitals: false }), { consent: { default: 'denied', whileDenied: 'discard' } });
    settleFrame();
    click('#buy');
    vi.advanceTimersByTime(2000);
    await recorded.settle();
    expect(recorded.events).toEqual([]);
    recorded.client.consent.update({ analytics: true });
    $('#buy').addEventListener('click', () => $('#buy').setAttribute('aria-busy', 'true'));
    click('#buy');
    // Async: the MutationObserver reports in a microtask, before the 1 s window ends.
    await vi.advanceTimersByTimeAsync(2000);
    await recorded.settle();
    expect(recorded.events.map((e) => e.event)).toEqual(['Element Clicked']);
  });

  it('redacts emails and secret query parameters in captured hrefs and page URLs', async () => {
    resetUrl('/account?token=abc123');
    render('<a id="mail" href="/unsubscribe?email=jane@example.com&list=news">Unsubscribe</a>');
    recorded = await createRecordedClient(autocapture({ vitals: false }));
    settleFrame();
    click('#mail');
    await recorded.settle();
    const json = JSON.stringify(recorded.events);
    expect(json).not.toContain('jane@example.com');
    expect(json).not.toContain('abc123');
    expect(recorded.tracked('Element Clicked')[0]?.properties.href).toBe('http://localhost:3000/unsubscribe?email=[redacted]&list=news');
  });

  it('never lets a typed value reach an event', async () => {
    render('<form id="f"><input name="email" value="jane@example.com"><input name="card" value="4111111111111111"><button>Go</button></form>');
    recorded = await createRecordedClient([forms(), ...autocapture({ vitals: false, forms: false })]);
    focus('[name=email]');
    focus('[name=card]');
    click('button');
    dispatchPageHide();
    await recorded.settle();
    expect(recorded.events.length).toBeGreaterThan(2);
    expect(JSON.stringify(recorded.events)).not.toMatch(/jane@|4111/);
  });

  it('keeps a sent form event as it was when the shopper comes back to the form', async () => {
    render('<form id="f"><input name="email"><input name="card"></form>');
    recorded = await createRecordedClient([forms()]);
    focus('[name=email]');
    dispatchPageHide();
    focus('[name=card]');
    focus('[name=email]');
    await recorded.settle();
    expect(recorded.tracked('Form Abandoned')[0]?.properties).toMatchObject({ fieldsTouched: 1, fields: [{ name: 'email', focusCount: 1, blurCount: 0 }] });
  });

  it('adds time_to_purchase_ms in the enrich stage of the pipeline', async () => {
    recorded = await createRecordedClient([commerce()]);
    productViewed(recorded.client, { product_id: 'p1' });
    await recorded.settle();
    vi.advanceTimersByTime(90_000);
    orderCompleted(recorded.client, { order_id: 'o1', total: 20, currency: 'EUR' });
    await recorded.settle();
    expect(recorded.tracked('Order Completed')[0]?.properties).toEqual({ order_id: 'o1', total: 20, currency: 'EUR', time_to_purchase_ms: 90_000 });
  });

  it('stops every listener and restores history when the client is destroyed', async () => {
    const { pushState } = history;
    render('<button id="buy">Buy</button>');
    recorded = await createRecordedClient([...autocapture({ vitals: false }), errors()]);
    settleFrame();
    await recorded.settle();
    const before = recorded.events.length;
    await recorded.client.destroy();
    expect(history.pushState).toBe(pushState);
    click('#buy');
    history.pushState(null, '', '/after');
    settleFrame();
    dispatchPageHide();
    window.dispatchEvent(new ErrorEvent('error', { message: 'late' }));
    expect(recorded.events).toHaveLength(before);
    expect(vi.getTimerCount()).toBe(0);
    expect($('#buy')).toBeTruthy();
  });
});
