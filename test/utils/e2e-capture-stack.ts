import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type E2eBrowser } from './e2e-browser';
import { presetConsent, visit } from './e2e-shop';
import { startStack, type E2eStack } from './e2e-stack';

/** One shopper: a fresh browser context (own storage, so own anonymousId) that accepted analytics. */
export interface Shopper {
  context: BrowserContext;
  page: Page;
  /** The anonymous id sightline gave this shopper (read once the SDK is live). */
  anonymousId: string;
}

/** The stack and browser of one capture test file, started once and stopped after it. */
export interface CaptureStack {
  /** The collector's base URL. */
  collectorUrl(): string;
  /** The storefront URL of `path` (`/category/jackets`, `/?debug=1`, …). */
  shopUrl(path: string): string;
  /** Opens `path` as a new shopper who had already accepted analytics, and waits for the SDK. */
  newShopper(path: string, options?: BrowserContextOptions): Promise<Shopper>;
}

/**
 * Starts a collector, a storefront and Chromium before the file's tests and stops them
 * after; each test gets its own shopper (context), so their events never mix.
 */
export function useCaptureStack(): CaptureStack {
  let stack: E2eStack | undefined;
  let browser: E2eBrowser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  const started = (): [E2eStack, E2eBrowser] => {
    if (!stack || !browser) throw new Error('the capture stack is not started (call useCaptureStack() at the top of the file)');
    return [stack, browser];
  };
  return {
    collectorUrl: () => started()[0].collector.url,
    shopUrl: (path) => `${started()[0].shop.url}${path}`,
    async newShopper(path, options) {
      const [running, chromium] = started();
      const context = await chromium.newContext(options);
      await presetConsent(context, 'accepted');
      const page = await context.newPage();
      await visit(page, `${running.shop.url}${path}`);
      const anonymousId = await page.evaluate(() => (window as any).sightline.user().anonymousId as string);
      return { context, page, anonymousId };
    },
  };
}
