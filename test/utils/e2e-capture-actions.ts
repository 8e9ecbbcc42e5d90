import type { Locator, Page } from 'playwright-core';

/** Clicks the middle of `target` `times` times as fast as the mouse goes: a rage click. */
export async function rageClick(page: Page, target: Locator, times = 3): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the rage click target is not visible');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  for (let i = 0; i < times; i++) await page.mouse.click(x, y);
}

const atBottom = (): boolean => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;

/**
 * Scrolls down with the mouse wheel, `stepPx` at a time, as a shopper reading the page
 * would, until the bottom is reached; each step waits for the page to have moved.
 */
export async function wheelToBottom(page: Page, stepPx = 700): Promise<void> {
  await page.mouse.move(640, 400);
  while (!(await page.evaluate(atBottom))) {
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, stepPx);
    await page.waitForFunction((y) => window.scrollY !== y, before);
  }
}

/**
 * Resolves after the engagement plugin measured the last scroll: it measures 250 ms after
 * a scroll event (its throttle), and a page timer queued after that scroll with a longer
 * delay runs after the measurement. Proves an absence (no second milestone) by order.
 */
export async function scrollMeasured(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 300)));
}

/** Scrolls back to the top of the page. */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => window.scrollY === 0);
}

/**
 * Hides the page the way a shopper closing the tab does (visibilitychange to hidden, then
 * pagehide and unload), which is when web-vitals reports its final values.
 */
export async function closeTab(page: Page): Promise<void> {
  await page.close({ runBeforeUnload: true });
}

/**
 * Resolves once the page's first interaction is measured and web-vitals has taken it in:
 * the browser's `first-input` entry exists (it comes after the next paint), and an idle
 * callback queued after it has run (web-vitals reads event entries in an idle callback,
 * which headless Chromium runs only at its 1 s timeout; a tab hidden before that reports
 * no INP).
 */
export async function interactionMeasured(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntries().length) return;
      observer.disconnect();
      requestIdleCallback(() => resolve(), { timeout: 1_000 });
    }).observe({ type: 'first-input', buffered: true });
  }));
}
