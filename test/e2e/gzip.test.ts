import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForEvents } from '../utils/e2e-collector';
import { presetConsent } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// The lookbook loads the npm build as an ES module with `compress: gzip`: Chromium's
// CompressionStream gzips each request, and the collector reads it.
const env = useE2eEnv();

describe('gzip with the npm build (the lookbook)', () => {
  it('sends gzipped batches that the collector stores', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    const posts: Request[] = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(env.stack.collector.url)) posts.push(request);
    });
    const page = await context.newPage();
    await page.goto(`${env.stack.shop.url}/lookbook`);
    await page.waitForFunction(() => Boolean((window as any).sightlineEsm));
    const id = await page.evaluate(() => (window as any).sightlineEsm.user().anonymousId as string);
    await page.click('[data-add-look="under-canvas"]');
    await page.evaluate(() => (window as any).sightlineEsm.flush());

    const stored = await waitForEvents(env.stack.collector.url, {
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
