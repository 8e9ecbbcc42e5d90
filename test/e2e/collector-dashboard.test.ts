import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../examples/collector/server';
import { launchBrowser, type E2eBrowser } from '../utils/e2e-browser';

// "Clear events" on the reference collector's dashboard, in Chromium: a same-origin fetch
// DELETE, which the browser sends with an Origin header that the collector's CORS check sees.

/** A collector with an origin list that does not name it, and a Chromium. */
let collector: RunningCollector;
let browser: E2eBrowser;
beforeAll(async () => {
  [collector, browser] = await Promise.all([
    startCollector({ port: 0, dataDir: ':memory:', quiet: true, allowedOrigins: ['https://shop.example'] }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function storeOneEvent(): Promise<void> {
  const event = { type: 'track', event: 'Product Viewed', messageId: crypto.randomUUID(), anonymousId: 'a' };
  const res = await fetch(`${collector.url}/collect`, { method: 'POST', body: JSON.stringify([event]) });
  expect(res.status).toBe(200);
}

/** The dashboard opened as http://localhost:PORT, once it lists what is stored. */
async function openDashboard(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${collector.port}/`);
  await page.locator('#events li').first().waitFor();
  return page;
}

/** Presses "Clear events" and confirms; the alerts that follow are accepted and collected. */
async function pressClear(page: Page): Promise<string[]> {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'alert') alerts.push(dialog.message());
    void dialog.accept();
  });
  await page.click('#clear');
  return alerts;
}

describe('the collector dashboard with an origin list', () => {
  it('clears every event when opened as http://localhost:PORT', async () => {
    collector.db.clear();
    await storeOneEvent();
    const page = await openDashboard();
    const alerts = await pressClear(page);
    await expect.poll(() => page.locator('#events li').count()).toBe(0);
    expect(collector.db.count()).toBe(0);
    expect(alerts).toEqual([]);
    await page.context().close();
  });

  it('keeps the list and says why when the collector refuses to clear', async () => {
    collector.db.clear();
    await storeOneEvent();
    const page = await openDashboard();
    await page.route('**/api/events', (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 403, json: { error: { code: 'collector/origin-not-allowed', message: 'refused' } } })
        : route.continue(),
    );
    const alerts = await pressClear(page);
    await expect.poll(() => alerts).toEqual(['Events were not cleared: 403 collector/origin-not-allowed: refused']);
    expect(await page.locator('#events li').count()).toBe(1);
    expect(collector.db.count()).toBe(1);
    await page.context().close();
  });
});
