import { beforeEach, describe, expect, it, vi } from 'vitest';
import { engagement, forms, pageviews } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { changeHash, dispatchPageHide, dispatchPageShow, dispatchVisibilityChange, focus, render, settleFrame } from '../utils/capture-dom';

let client: FakeClient | undefined;

useCaptureSpec();
beforeEach(() => {
  document.title = 'Home';
});

async function start(options?: Parameters<typeof pageviews>[0]): Promise<FakeClient> {
  client = await withPlugins([pageviews(options)]);
  settleFrame();
  return client;
}

describe('pageviews', () => {
  it('sends one page view for the first load, after the next frame', async () => {
    client = await withPlugins([pageviews()]);
    expect(client.pages()).toEqual([]);
    settleFrame();
    expect(client.pages()).toEqual([{ title: 'Home', path: '/', url: 'http://localhost:3000/', search: '', referrer: '' }]);
  });

  it('sends no page view for the first load when initial is false', async () => {
    const c = await start({ initial: false });
    history.pushState(null, '', '/shoes');
    settleFrame();
    expect(c.pages().map((p) => p.path)).toEqual(['/shoes']);
  });

  it('sends a page view on pushState with the previous page as previousPath and referrer', async () => {
    const c = await start();
    history.pushState(null, '', '/shoes?color=red');
    settleFrame();
    expect(c.pages()[1]).toEqual({
      title: 'Home',
      path: '/shoes',
      url: 'http://localhost:3000/shoes?color=red',
      search: '?color=red',
      referrer: 'http://localhost:3000/',
      previousPath: '/',
    });
  });

  it('sends the new page view after what other plugins send for the page left, whatever their order', async () => {
    render('<form><input name="q"></form>');
    client = await withPlugins([pageviews(), forms(), engagement({ heartbeatMs: 0 })]);
    settleFrame();
    focus('[name=q]');
    history.pushState(null, '', '/cart');
    settleFrame();
    const sequence = client.calls.map((call) => (call.type === 'page' ? `page ${call.properties.path}` : call.event));
    expect(sequence).toEqual(['page /', 'Form Started', 'Form Abandoned', 'Page Left', 'page /cart']);
  });

  it('reads the title an SPA sets after pushState', async () => {
    const c = await start();
    history.pushState(null, '', '/cart');
    document.title = 'Your cart';
    settleFrame();
    expect(c.pages()[1]?.title).toBe('Your cart');
  });

  it('counts the same URL twice in a row as one page view', async () => {
    const c = await start();
    history.pushState(null, '', '/shoes');
    settleFrame();
    history.pushState(null, '', '/shoes');
    settleFrame();
    history.replaceState(null, '', '/shoes');
    settleFrame();
    expect(c.pages().map((p) => p.path)).toEqual(['/', '/shoes']);
  });

  it('coalesces a push and a redirecting replace within one frame into one view of the final URL', async () => {
    const c = await start();
    history.pushState(null, '', '/old-shoes');
    history.replaceState(null, '', '/shoes');
    settleFrame();
    expect(c.pages().map((p) => p.path)).toEqual(['/', '/shoes']);
    expect(c.pages()[1]?.previousPath).toBe('/');
  });

  it('sends a page view on replaceState to a new URL', async () => {
    const c = await start();
    history.replaceState(null, '', '/search?q=boots');
    settleFrame();
    expect(c.pages()[1]).toMatchObject({ path: '/search', search: '?q=boots' });
  });

  it('sends a page view on back navigation (popstate)', async () => {
    const c = await start();
    history.pushState(null, '', '/shoes');
    settleFrame();
    history.back();
    vi.advanceTimersByTime(200);
    expect(c.pages().map((p) => p.path)).toEqual(['/', '/shoes', '/']);
    expect(c.pages()[2]?.previousPath).toBe('/shoes');
  });

  it('ignores hash changes by default', async () => {
    const c = await start();
    await changeHash('#reviews');
    settleFrame();
    expect(c.pages()).toHaveLength(1);
  });

  it('counts hash changes as pages with hash: true', async () => {
    const c = await start({ hash: true });
    await changeHash('#/cart');
    settleFrame();
    expect(c.pages()[1]).toMatchObject({ path: '/#/cart', url: 'http://localhost:3000/#/cart', previousPath: '/' });
  });

  it('restores history.pushState and replaceState on teardown', async () => {
    const { pushState, replaceState } = history;
    const c = await start();
    expect(history.pushState).not.toBe(pushState);
    await c.destroy();
    expect(history.pushState).toBe(pushState);
    expect(history.replaceState).toBe(replaceState);
  });

  it('keeps a wrapper another script added after ours, and goes quiet', async () => {
    const c = await start();
    const ours = history.pushState;
    const theirs = vi.fn(function (this: History, ...args: Parameters<History['pushState']>) {
      return ours.apply(this, args);
    });
    history.pushState = theirs;
    await c.destroy();
    expect(history.pushState).toBe(theirs);
    history.pushState(null, '', '/after');
    settleFrame();
    expect(theirs).toHaveBeenCalledTimes(1);
    expect(location.pathname).toBe('/after');
    expect(c.pages()).toHaveLength(1);
  });

  it('lets the page see the exceptions of its own pushState calls', async () => {
    await start();
    expect(() => history.pushState(null, '', 'https://elsewhere.example/')).toThrow();
  });

  it('shares one history wrapper between two clients and restores it when both stop', async () => {
    const { pushState } = history;
    const first = await start();
    const second = await withPlugins([pageviews()]);
    settleFrame();
    history.pushState(null, '', '/both');
    settleFrame();
    expect(first.pages().at(-1)?.path).toBe('/both');
    expect(second.pages().at(-1)?.path).toBe('/both');
    await second.destroy();
    expect(history.pushState).not.toBe(pushState);
    await first.destroy();
    expect(history.pushState).toBe(pushState);
  });
});

// Back and Forward restore a page from the back/forward cache without loading it: no
// script runs again, so the restore is a new page view only if the SDK says so (as Google
// recommends for analytics and Plausible does).
describe('pageviews: a page restored from the back/forward cache', () => {
  it('sends a new page view, as for a load', async () => {
    const c = await start();
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    dispatchPageShow(true);
    const load = { title: 'Home', path: '/', url: 'http://localhost:3000/', search: '', referrer: '' };
    expect(c.pages()).toEqual([load, load]);
  });

  it('sends none for a pageshow that is no restore (every load fires one)', async () => {
    const c = await start();
    dispatchPageShow(false);
    settleFrame();
    expect(c.pages()).toHaveLength(1);
  });

  it('sends one with initial: false too (the page sent its first view; the restore is not one it sees)', async () => {
    const c = await start({ initial: false });
    dispatchPageHide();
    dispatchPageShow(true);
    expect(c.pages().map((p) => p.path)).toEqual(['/']);
  });

  it('starts a new view for the other plugins: what the shopper does after it is measured from the restore', async () => {
    render('<form><input name="q"></form>');
    client = await withPlugins([pageviews(), forms(), engagement({ heartbeatMs: 0 })]);
    settleFrame();
    focus('[name=q]');
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    vi.advanceTimersByTime(60_000);
    dispatchPageShow(true);
    dispatchVisibilityChange('visible');
    vi.advanceTimersByTime(2_000);
    focus('[name=q]');
    dispatchVisibilityChange('hidden');
    const sequence = client.calls.map((call) => (call.type === 'page' ? `page ${call.properties.path}` : call.event));
    expect(sequence).toEqual(['page /', 'Form Started', 'Form Abandoned', 'Page Left', 'page /', 'Form Started', 'Form Abandoned', 'Page Left']);
    const left = client.calls.filter((call) => call.type === 'track' && call.event === 'Page Left');
    // The restored view's dwell counts from the restore, not from the first load.
    expect(left[1]?.properties.dwellTimeMs).toBe(2_000);
  });
});
