import { describe, expect, it, vi } from 'vitest';
import { engagement } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { dispatchPageHide, dispatchPageShow, dispatchVisibilityChange, scrollTo, settleFrame } from '../utils/capture-dom';

let client: FakeClient | undefined;

useCaptureSpec({ url: '/product/p1' });

async function start(options?: Parameters<typeof engagement>[0]): Promise<FakeClient> {
  client = await withPlugins([engagement(options)]);
  return client;
}

/** Scrolls to `percent` of a 4000 px page seen through a 1000 px window, and lets the throttle run. */
function scrollToPercent(percent: number): void {
  scrollTo((percent / 100) * 4000 - 1000);
  vi.advanceTimersByTime(250);
}

/** Keeps the shopper active: one pointerdown every 10 s for `ms`. */
function stayActive(ms: number): void {
  for (let t = 0; t < ms; t += 10_000) {
    vi.advanceTimersByTime(Math.min(10_000, ms - t));
    document.dispatchEvent(new Event('pointerdown'));
  }
}

describe('engagement: scroll depth', () => {
  it('sends each milestone once per page', async () => {
    const c = await start();
    scrollToPercent(30);
    scrollToPercent(60);
    scrollToPercent(30);
    scrollToPercent(60);
    scrollToPercent(80);
    expect(c.tracked('Scroll Depth')).toEqual([
      { path: '/product/p1', depth: 25 },
      { path: '/product/p1', depth: 50 },
      { path: '/product/p1', depth: 75 },
    ]);
  });

  it('sends every milestone passed by one jump to the bottom', async () => {
    const c = await start();
    scrollToPercent(100);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([25, 50, 75, 100]);
  });

  it('measures at most once per 250 ms however many scroll events come', async () => {
    await start();
    // The start measures the first view once it has rendered.
    settleFrame();
    scrollTo(0);
    const height = vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(4000);
    for (let i = 0; i < 50; i++) window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(250);
    expect(height).toHaveBeenCalledTimes(1);
  });

  it('sends no milestone for a page that fits the viewport', async () => {
    const c = await start();
    scrollTo(0, { height: 800, viewport: 1000 });
    vi.advanceTimersByTime(250);
    expect(c.tracked('Scroll Depth')).toEqual([]);
  });

  it('takes one milestone from plain JavaScript as a list of one', async () => {
    const c = await start({ milestones: 50 as never });
    scrollToPercent(100);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([50]);
  });

  it('uses the milestones option', async () => {
    const c = await start({ milestones: [10, 90] });
    scrollToPercent(100);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([10, 90]);
  });

  it('starts the milestones again on the next SPA page', async () => {
    const c = await start();
    scrollToPercent(60);
    history.pushState(null, '', '/product/p2');
    settleFrame();
    scrollToPercent(30);
    expect(c.tracked('Scroll Depth')).toEqual([
      { path: '/product/p1', depth: 25 },
      { path: '/product/p1', depth: 50 },
      { path: '/product/p2', depth: 25 },
    ]);
  });
});

describe('engagement: engaged time', () => {
  it('sends "Page Engagement" every 15 s of engaged time while the shopper is active', async () => {
    const c = await start();
    stayActive(45_000);
    expect(c.tracked('Page Engagement')).toEqual([
      { path: '/product/p1', engagedTimeMs: 15_000, heartbeat: 1 },
      { path: '/product/p1', engagedTimeMs: 30_000, heartbeat: 2 },
      { path: '/product/p1', engagedTimeMs: 45_000, heartbeat: 3 },
    ]);
  });

  it('stops counting 30 s after the last input', async () => {
    const c = await start();
    vi.advanceTimersByTime(120_000);
    expect(c.tracked('Page Engagement').map((p) => p.engagedTimeMs)).toEqual([15_000, 30_000]);
    dispatchPageHide();
    expect(c.tracked('Page Left')[0]).toMatchObject({ dwellTimeMs: 120_000, engagedTimeMs: 30_000 });
  });

  it('stops counting while the page is hidden and resumes when it is visible', async () => {
    const c = await start();
    vi.advanceTimersByTime(10_000);
    dispatchVisibilityChange('hidden');
    vi.advanceTimersByTime(60_000);
    expect(c.tracked('Page Engagement')).toEqual([]);
    dispatchVisibilityChange('visible');
    vi.advanceTimersByTime(5_000);
    expect(c.tracked('Page Engagement')).toEqual([{ path: '/product/p1', engagedTimeMs: 15_000, heartbeat: 1 }]);
  });

  it('resumes on input after the shopper went idle', async () => {
    const c = await start();
    vi.advanceTimersByTime(100_000);
    document.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(15_000);
    expect(c.tracked('Page Engagement').map((p) => p.engagedTimeMs)).toEqual([15_000, 30_000, 45_000]);
  });

  it.each([NaN, -1, Infinity, '15s', null, [Object.create(null)]])('takes the default for a delay of %s from plain JavaScript (the timer would spin)', async (ms) => {
    const c = await start({ idleMs: ms, heartbeatMs: ms } as never);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    stayActive(45_000);
    expect(c.tracked('Page Engagement').map((p) => p.engagedTimeMs)).toEqual([15_000, 30_000, 45_000]);
    expect(timers.mock.calls.length).toBeLessThan(20); // one per beat and input, not one per millisecond
  });

  it('sends no heartbeat with heartbeatMs: 0', async () => {
    const c = await start({ heartbeatMs: 0 });
    stayActive(60_000);
    expect(c.tracked('Page Engagement')).toEqual([]);
  });

  it('listens to input passively, storing a timestamp per event', async () => {
    const add = vi.spyOn(document, 'addEventListener');
    await start();
    const activity = add.mock.calls.filter(([type]) => ['pointerdown', 'keydown', 'mousemove', 'wheel', 'touchstart'].includes(type));
    expect(activity).toHaveLength(5);
    for (const [, , options] of activity) expect(options).toMatchObject({ passive: true });
  });
});

describe('engagement: page left', () => {
  it('sends "Page Left" once at page exit with dwell, engaged time and max scroll depth', async () => {
    const c = await start();
    scrollToPercent(80);
    scrollToPercent(40);
    stayActive(20_000);
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    expect(c.tracked('Page Left')).toEqual([{ path: '/product/p1', dwellTimeMs: 20_500, engagedTimeMs: 20_500, maxScrollDepth: 80 }]);
  });

  it('sends "Page Left" for the old page on SPA navigation and starts the new page at zero', async () => {
    const c = await start();
    stayActive(20_000);
    history.pushState(null, '', '/cart');
    settleFrame();
    vi.advanceTimersByTime(1_000);
    dispatchPageHide();
    const left = c.tracked('Page Left');
    expect(left.map((p) => p.path)).toEqual(['/product/p1', '/cart']);
    // The old page ends when the navigation settles (the next frame, faked here).
    expect(left[0]?.dwellTimeMs).toBeGreaterThanOrEqual(20_000);
    expect(left[0]?.dwellTimeMs).toBeLessThanOrEqual(20_100);
    // The new page counts from that same moment: about 1.1 s, not the 20 s of the old one.
    expect(left[1]?.engagedTimeMs).toBe(left[1]?.dwellTimeMs);
    expect(left[1]?.dwellTimeMs).toBeGreaterThanOrEqual(1_000);
    expect(left[1]?.dwellTimeMs).toBeLessThanOrEqual(1_120);
  });

  it('does not treat a hash change or a same-URL push as leaving the page', async () => {
    const c = await start();
    history.pushState(null, '', '/product/p1');
    history.replaceState(null, '', '/product/p1#reviews');
    settleFrame();
    expect(c.tracked('Page Left')).toEqual([]);
  });

  it('measures a page restored from the back/forward cache as a new view: dwell, engaged time and milestones from the restore', async () => {
    const c = await start();
    scrollToPercent(50);
    stayActive(20_000);
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    // Frozen in the cache for an hour, then Back.
    vi.advanceTimersByTime(3_600_000);
    dispatchPageShow(true);
    dispatchVisibilityChange('visible');
    scrollToPercent(50);
    stayActive(5_000);
    dispatchVisibilityChange('hidden');
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([25, 50, 25, 50]);
    expect(c.tracked('Page Left')).toEqual([
      { path: '/product/p1', dwellTimeMs: 20_250, engagedTimeMs: 20_250, maxScrollDepth: 50 },
      { path: '/product/p1', dwellTimeMs: 5_250, engagedTimeMs: 5_250, maxScrollDepth: 50 },
    ]);
  });

  it('removes its listeners and timers on teardown', async () => {
    const c = await start();
    await c.destroy();
    stayActive(60_000);
    scrollToPercent(100);
    dispatchPageHide();
    expect(c.calls).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('engagement: hard cases', () => {
  it('takes a URL the app rewrites in its first frame (a router redirect) as the view it lands on, not a page left', async () => {
    const c = await start({ heartbeatMs: 0 });
    // The router sends /product/p1 to its canonical URL before the first frame, as the page view will name it.
    history.replaceState(null, '', '/en/product/p1');
    settleFrame();
    scrollToPercent(50);
    dispatchPageHide();
    expect(c.tracked('Scroll Depth')).toEqual([{ path: '/en/product/p1', depth: 25 }, { path: '/en/product/p1', depth: 50 }]);
    expect(c.tracked('Page Left')).toEqual([expect.objectContaining({ path: '/en/product/p1' })]);
  });

  it('still ends the landing view at a navigation after its first frame', async () => {
    const c = await start({ heartbeatMs: 0 });
    settleFrame();
    history.pushState(null, '', '/cart');
    settleFrame();
    expect(c.tracked('Page Left').map((p) => p.path)).toEqual(['/product/p1']);
  });

  it('reports for a page left by an SPA navigation the depth seen there, not the next view\'s', async () => {
    const c = await start({ heartbeatMs: 0 });
    // A long product page (4000 px in a 1000 px window): the shopper sees the top quarter.
    scrollTo(0, { height: 4000, viewport: 1000 });
    vi.advanceTimersByTime(250);
    // The SPA renders a short cart page that fits the window.
    history.pushState(null, '', '/cart');
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(600);
    settleFrame();
    expect(c.tracked('Page Left')[0]).toMatchObject({ path: '/product/p1', maxScrollDepth: 25 });
  });

  it('reports the first screen\'s depth for a view left unscrolled by an SPA navigation', async () => {
    scrollTo(0, { height: 4000, viewport: 1000 });
    const c = await start({ heartbeatMs: 0 });
    settleFrame();
    history.pushState(null, '', '/cart');
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(600);
    settleFrame();
    expect(c.tracked('Page Left')[0]).toMatchObject({ path: '/product/p1', maxScrollDepth: 25 });
  });

  it('sends the next view no "Scroll Depth" for a scroll on the page left by an SPA navigation before its reading was due', async () => {
    scrollTo(0, { height: 4000, viewport: 1000 });
    const c = await start({ heartbeatMs: 0 });
    settleFrame();
    scrollToPercent(50);
    // A jump to the bottom, then at once a link to a long cart page, rendered at its top.
    scrollTo(3000);
    history.pushState(null, '', '/cart');
    vi.spyOn(window, 'scrollY', 'get').mockReturnValue(0);
    settleFrame();
    vi.advanceTimersByTime(250);
    dispatchPageHide();
    expect(c.tracked('Scroll Depth')).toEqual([{ path: '/product/p1', depth: 25 }, { path: '/product/p1', depth: 50 }]);
    // The cart was seen to its first screen, never scrolled.
    expect(c.tracked('Page Left')).toEqual([expect.objectContaining({ path: '/product/p1', maxScrollDepth: 50 }), expect.objectContaining({ path: '/cart', maxScrollDepth: 25 })]);
  });

  it('reads a scroll still due when the page is hidden for the view scrolled: its milestones before "Page Left"', async () => {
    const c = await start({ heartbeatMs: 0 });
    scrollTo(3000);
    dispatchVisibilityChange('hidden');
    vi.advanceTimersByTime(250);
    expect(c.names()).toEqual(['Scroll Depth', 'Scroll Depth', 'Scroll Depth', 'Scroll Depth', 'Page Left']);
    expect(c.tracked('Page Left')[0]).toMatchObject({ path: '/product/p1', maxScrollDepth: 100 });
  });

  it('counts for a page restored from the back/forward cache only the scroll made after the restore', async () => {
    const c = await start({ heartbeatMs: 0 });
    scrollTo(1000);
    dispatchPageHide();
    // Timers do not run in the cache: the reading would be due after the restore.
    dispatchPageShow(true);
    vi.advanceTimersByTime(250);
    expect(c.names()).toEqual(['Scroll Depth', 'Scroll Depth', 'Page Left']);
    // The restored view reaches its milestones when the shopper scrolls it.
    scrollToPercent(50);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([25, 50, 25, 50]);
  });

  it('does not count a sleep with the page in view (timers late) as engaged time', async () => {
    const c = await start({ heartbeatMs: 0, idleMs: 30_000 });
    vi.advanceTimersByTime(5_000);
    // The laptop lid closed for 10 minutes, the page not hidden: no timer runs meanwhile.
    vi.setSystemTime(Date.now() + 600_000);
    // On waking, the first mousemove comes before the overdue idle timer.
    document.dispatchEvent(new Event('mousemove'));
    vi.advanceTimersByTime(1_000);
    dispatchVisibilityChange('hidden');
    // 30 s until idle before the sleep, 1 s after it.
    expect(c.tracked('Page Left')[0]?.engagedTimeMs).toBe(31_000);
  });

  it('leaves out milestones that are no number (null would be reached at once)', async () => {
    const c = await start({ milestones: [null, 50] as never });
    scrollTo(0, { height: 4000, viewport: 1000 });
    vi.advanceTimersByTime(250);
    expect(c.tracked('Scroll Depth')).toEqual([]);
  });

  it('leaves out milestones that are no number (an object without a prototype throws when compared)', async () => {
    const c = await start({ milestones: [Object.create(null), 50] as never });
    scrollTo(3000, { height: 4000, viewport: 1000 });
    vi.advanceTimersByTime(250);
    expect(c.errors).toEqual([]);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([50]);
  });

  it('does not reach 100 % while the bottom of a long page is not seen', async () => {
    const c = await start({ heartbeatMs: 0 });
    // A 20,000 px listing in a 1000 px window, 100 px above the bottom (99.5 %: the footer unseen).
    scrollTo(18_900, { height: 20_000, viewport: 1000 });
    vi.advanceTimersByTime(250);
    expect(c.tracked('Scroll Depth').map((p) => p.depth)).toEqual([25, 50, 75]);
  });
});
