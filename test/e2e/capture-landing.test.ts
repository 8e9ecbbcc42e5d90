import { describe, expect, it } from 'vitest';
import { props, waitForEvents } from '../utils/e2e-collector';
import { sdkTag, usePageServer } from '../utils/e2e-page-server';
import { useE2eEnv } from '../utils/e2e-stack';

// Single-page apps often rewrite the URL they were loaded at before their first frame: a
// router sends `/` to its canonical `/en/`, or drops a trailing slash. That is where the
// shopper landed, one page view, not a page left after a few milliseconds.
const env = useE2eEnv();
const server = usePageServer();

describe('a URL the app rewrites before its first frame, in Chromium', () => {
  it('is the landing page view: one page view and one "Page Left", both of the rewritten path', async () => {
    // The app's router starts once the SDK has: it rewrites the URL in that same task.
    const router = `<script>sightline.ready(function () { history.replaceState(null, '', '/en/landing' + location.search) })</script>`;
    server().page('/landing', `<!doctype html><title>Landing</title>${sdkTag(env.stack.collector.url, ' data-autocapture="pageviews,engagement"')}${router}<h1>Landing</h1>`);
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server().url}/landing?ref=mail`);
      await page.waitForURL(/\/en\/landing\?ref=mail$/);
      const anonymousId = await page.evaluate(() => (window as any).sightline.user().anonymousId as string);
      await waitForEvents(env.stack.collector.url, { anonymousId, type: 'page', describe: 'the first page view', until: (all) => all.length >= 1 });
      // Leaving the site ends the view ("Page Left" goes out at pagehide).
      await page.goto(`${env.stack.collector.url}/`);
      const events = await waitForEvents(env.stack.collector.url, {
        anonymousId,
        describe: 'the page view and "Page Left"',
        until: (all) => all.some((e) => e.event === 'Page Left'),
      });

      expect(events.filter((e) => e.type === 'page').map((e) => props(e).path)).toEqual(['/en/landing']);
      expect(events.filter((e) => e.event === 'Page Left').map((e) => props(e).path)).toEqual(['/en/landing']);
    } finally {
      await context.close();
    }
  });
});
