import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the e2e suite writes screenshots (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../e2e/.artifacts', import.meta.url));

/** Saves a screenshot as `test/e2e/.artifacts/<name>.png`, once fonts and layout settled. */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = `${ARTIFACTS_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}

/** Collects uncaught page errors, console errors and failed requests, as readable lines. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A navigation cancels the page's pending requests (net::ERR_ABORTED); the SDK resends those.
    if (!reason.includes('ERR_ABORTED')) problems.push(`request failed: ${request.url()} ${reason}`);
  });
  return problems;
}

/** Visible form controls and buttons without an accessible name (label, aria-label or text). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, a[href]'));
    const visible = (el: HTMLElement) => el.offsetParent !== null || el.getClientRects().length > 0;
    const named = (el: HTMLElement) => {
      const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      return Boolean(labelled || el.textContent?.trim() || el.getAttribute('title'));
    };
    return controls.filter((el) => visible(el) && el.getAttribute('aria-hidden') !== 'true' && !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}
