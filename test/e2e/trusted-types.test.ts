import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForEvents } from '../utils/e2e-collector';
import { sdkTag, usePageServer } from '../utils/e2e-page-server';
import { collectReports } from '../utils/e2e-sdk-log';
import { useE2eEnv } from '../utils/e2e-stack';

// A page that enforces Trusted Types accepts a script's URL only from a policy. The script
// tag loads its add-ons (web-vitals by default) through the policy `sightline`; where the
// page's `trusted-types` directive does not allow that name, it says so and works on.
const env = useE2eEnv();
const server = usePageServer();

/** Opens a page with this Content-Security-Policy and the script tag (debug on, so reports are logged). */
async function openWithPolicy(path: string, csp: string): Promise<{ page: Page; reports: string[]; pageErrors: Error[] }> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const reports = collectReports(page);
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  server().page(path, `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Shop</title>`
    + `${sdkTag(env.stack.collector.url, ' data-debug="true"')}<h1>Shop</h1>`);
  await page.goto(`${server().url}${path}`);
  await page.waitForFunction(() => Boolean((window as any).sightline?.__sightline));
  return { page, reports, pageErrors };
}

describe('the script tag on a page that enforces Trusted Types', () => {
  it('loads the web-vitals add-on through its policy', async () => {
    const { page, reports, pageErrors } = await openWithPolicy('/tt.html', "require-trusted-types-for 'script'");
    await page.waitForFunction(() => Boolean((window as any).__sightlineVitals)); // the add-on ran
    expect(reports).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('reports the add-on it may not load where the page allows no policy of its name, and delivers the rest', async () => {
    const { page, reports, pageErrors } = await openWithPolicy('/tt-strict.html', "require-trusted-types-for 'script'; trusted-types shop");
    await expect.poll(() => reports).toEqual(['browser/addon-failed']);
    const id = await page.evaluate(() => (window as any).sightline.user().anonymousId as string);
    await page.evaluate(() => (window as any).sightline.track('Trusted Types Probe'));
    await page.evaluate(() => (window as any).sightline.flush());
    await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the probe of the strict page',
      until: (all) => all.some((e) => e.event === 'Trusted Types Probe'),
    });
    expect(pageErrors).toEqual([]);
  });
});
