import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { props, waitForEvents } from '../utils/e2e-collector';
import { presetConsent } from '../utils/e2e-shop';
import { useE2eEnv, WRITE_KEY } from '../utils/e2e-stack';

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

// A format function of the shop's own whose headers fetch refuses (a value beyond Latin-1):
// before, the request failed as "no answer" and was retried for ever, unreported, every
// later batch waiting behind it. Chromium's Request refuses such a header as fetch does.
describe('a format function of the npm build whose headers fetch refuses', () => {
  it('drops that batch as transport/format-failed and delivers the next', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.stack.shop.url}/lookbook`);
    // As a string: vitest would rewrite an import() written in this file.
    const outcome = await page.evaluate(`(async () => {
      const { createSightline, collector } = await import('/sdk/esm/index.js');
      const errors = [];
      const transport = collector({
        endpoint: ${JSON.stringify(`${env.stack.collector.url}/v1/native`)},
        batch: { maxEvents: 1 },
        queue: { name: 'refused-format' }, // not the lookbook client's own queue
        format: (events, { sentAt, writeKey }) => ({
          body: JSON.stringify({ batch: events, sentAt, writeKey }),
          // A header whose value fetch refuses, for Łódź only: the other batch goes as a simple request.
          headers: events[0]?.properties?.city === 'Łódź' ? { 'X-City': 'Łódź' } : {},
        }),
      });
      const client = createSightline({ writeKey: ${JSON.stringify(WRITE_KEY)}, plugins: [transport] });
      client.onError((e) => void errors.push(e.code));
      client.track('Store Selected', { city: 'Łódź' });
      client.track('Store Selected', { city: 'Paris' });
      await client.flush();
      window.refused = { errors, transport };
      return { anonymousId: client.user().anonymousId };
    })()`) as { anonymousId: string };
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: outcome.anonymousId,
      describe: 'the batch after the refused one',
      until: (all) => all.some((e) => e.event === 'Store Selected'),
    });
    expect(stored.map((e) => props(e).city)).toEqual(['Paris']);
    expect(await page.evaluate(() => (window as any).refused.errors)).toEqual(['transport/format-failed']);
    expect(await page.evaluate(() => (window as any).refused.transport.stats())).toMatchObject({ sent: 1, queued: 0, dropped: { 'transport/format-failed': 1 } });
    await context.close();
  });
});
