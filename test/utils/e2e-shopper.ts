import type { Page } from 'playwright-core';
import { watchPageProblems } from './e2e-artifacts';
import { launchBrowser, type E2eBrowser } from './e2e-browser';
import { presetConsent } from './e2e-shop';
import { startStack, type E2eStack } from './e2e-stack';

/** A running stack with one shopper who has accepted the consent banner. */
export interface ConsentedShopper {
  stack: E2eStack;
  browser: E2eBrowser;
  page: Page;
  /** Console errors and uncaught exceptions of `page`, as they happen. */
  problems: string[];
  close(): Promise<void>;
}

/** Starts the collector, the storefront and Chromium, and opens a page whose shopper consented. */
export async function startConsentedShopper(): Promise<ConsentedShopper> {
  const [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  const context = await browser.newContext();
  await presetConsent(context, 'accepted');
  const page = await context.newPage();
  return {
    stack,
    browser,
    page,
    problems: watchPageProblems(page),
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}
