import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from '../utils/e2e-browser';
import { waitForEvents } from '../utils/e2e-collector';
import { presetConsent } from '../utils/e2e-shop';
import { startStack, type E2eStack } from '../utils/e2e-stack';

// The lookbook loads the npm build as an ES module with `compress: gzip`: Chromium's
// CompressionStream gzips each request, and the collector reads it.
let stack: E2eStack;
let browser: E2eBrowser;

describe('gzip with the npm build (the lookbook)', () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sends gzipped batches that the collector stores', async () => {
    const context = await browser.newContext();
    await presetConsent(context, 'accepted');
    const posts: Request[] = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(stack.collector.url)) posts.push(request);
    });
    const page = await context.newPage();
    await page.goto(`${stack.shop.url}/lookbook`);
    await page.waitForFunction(() => Boolean((window as any).sightlineEsm));
    const id = await page.evaluate(() => (window as any).sightlineEsm.user().anonymousId as string);
    await page.click('[data-add-look="under-canvas"]');
    await page.evaluate(() => (window as any).sightlineEsm.flush());

    const stored = await waitForEvents(stack.collector.url, {
      anonymousId: id,
      describe: 'the lookbook events',
      until: (all) => all.some((e) => e.event === 'Product Added'),
    });
    expect(stored.map((e) => e.event)).toEqual(expect.arrayContaining(['Product List Viewed', 'Product Added']));
    expect(posts.length).toBeGreaterThan(0);
    // Every request went gzipped, and the collector (which answers 400 to a body that is
    // not the gzip its header claims) stored their events.
    for (const post of posts) expect(await post.headerValue('content-encoding')).toBe('gzip');
    await context.close();
  });
});
