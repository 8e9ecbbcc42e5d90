import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { fetchStats, props, waitForEvents } from '../utils/e2e-collector';
import { quietPage, usePageServer } from '../utils/e2e-page-server';
import { anonymousId, presetConsent, visit, waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// The hard case of delivery: hundreds of events tracked in the same task as the page goes
// away. None of them is durable yet, and together they outgrow the 64 KB a leaving page may
// still send (sendBeacon and keepalive share that budget). What does not fit is saved
// synchronously and sent by the next page of the shop. Each probe must be stored once; the
// collector may receive one twice when a request of the leaving page was under way as it
// went (its answer never read, the next page sends it again: messageId removes it).
const PROBE = 'Exit Probe';
const PAD = 'x'.repeat(400); // ~1 KB per event with its context, as a product impression
// Probes are named in groups of 40: collector() admits 50 events of one name per 10 s.
const names = (count: number) => Array.from({ length: count }, (_, n) => `${PROBE} ${Math.floor(n / 40)}`);

// The collector's line per batch (status, events received and stored), for a timeout message.
const collectorLog: string[] = [];
const env = useE2eEnv({ collector: { log: (line) => void collectorLog.push(line) } });

/** A shopper on the home page; `id` is their anonymousId (the collector answers 1,000 events at most per query). */
async function shopper(): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  const page = await context.newPage();
  await visit(page, `${env.stack.shop.url}/`);
  return { context, page, id: await anonymousId(page) };
}

/**
 * In one task: tracks `count` probes tagged `run`, then runs `leave` (a reload, a link to
 * another page, a link to another site). A pagehide listener tracks `onHide` more, as
 * engagement-time capture does.
 */
async function trackThenLeave(page: Page, run: string, count: number, onHide: number, leave: string): Promise<void> {
  const left = page.waitForEvent('framenavigated');
  await page
    .evaluate(({ run, names, hideNames, pad, leave }) => {
      const sightline = (window as any).sightline;
      addEventListener('pagehide', () => hideNames.forEach((name, n) => sightline.track(name, { run, n: `hide-${n}`, pad })));
      names.forEach((name, n) => sightline.track(name, { run, n: String(n), pad }));
      new Function(leave)(); // eslint-disable-line no-new-func -- the navigation, in the same task
    }, { run, names: names(count), hideNames: names(onHide).map((name) => `${name} hidden`), pad: PAD, leave })
    .catch(() => undefined); // the page may be gone before evaluate answers
  await left;
}

/**
 * What the browser did with each POST of `page` to the collector, as lines that grow while
 * it runs (`123 ms ping probes=50 finished`): for a timeout message, so a failed wait says
 * which requests left the page and how they ended.
 */
function recordPosts(page: Page): string[] {
  const lines: string[] = [];
  const started = Date.now();
  const lineOf = new Map<Request, number>();
  page.on('request', (request) => {
    if (request.method() !== 'POST') return;
    const probes = (request.postData() ?? '').split('"run":"').length - 1;
    lineOf.set(request, lines.push(`${Date.now() - started} ms ${request.resourceType()} probes=${probes}`) - 1);
  });
  const end = (request: Request, how: string) => {
    const at = lineOf.get(request);
    if (at !== undefined) lines[at] += ` ${how} at ${Date.now() - started} ms`;
  };
  page.on('requestfinished', (request) => end(request, 'finished'));
  page.on('requestfailed', (request) => end(request, `failed (${request.failure()?.errorText})`));
  return lines;
}

const expectedKeys = (count: number, onHide: number) => [
  ...Array.from({ length: count }, (_, n) => String(n)),
  ...Array.from({ length: onHide }, (_, n) => `hide-${n}`),
];
const probesOf = (events: StoredEvent[], run: string) =>
  events.filter((e) => String(e.event).startsWith(PROBE) && props(e).run === run).map((e) => String(props(e).n));

async function expectEachStoredOnce(id: string, run: string, count: number, onHide: number): Promise<void> {
  const expected = expectedKeys(count, onHide);
  const stored = await waitForEvents(env.stack.collector.url, {
    anonymousId: id,
    describe: `the ${expected.length} probes of "${run}"`,
    timeoutMs: 30_000,
    until: (all) => probesOf(all, run).length >= expected.length,
  });
  expect(probesOf(stored, run).sort()).toEqual(expected.sort());
}

describe('events tracked in the same task as the page goes away', () => {
  it('are all delivered, once each, when that task reloads the page', async () => {
    const { context, page, id } = await shopper();
    await trackThenLeave(page, 'reload', 500, 100, 'location.reload()');
    await waitForSdk(page);
    await expectEachStoredOnce(id, 'reload', 500, 100);
    await context.close();
  });

  it('are all delivered, once each, when that task opens another page of the shop (a multi-page site)', async () => {
    const { context, page, id } = await shopper();
    await trackThenLeave(page, 'link', 400, 60, "location.assign('/cart')");
    await page.waitForURL(/\/cart$/);
    await waitForSdk(page);
    await expectEachStoredOnce(id, 'link', 400, 60);
    await context.close();
  });

  it('are beaconed as far as the budget allows when the shopper leaves for another site, and the rest go on the next visit', async () => {
    const { context, page, id } = await shopper();
    // The collector's dashboard is another origin (another port): the shop's storage is not there.
    const posts = recordPosts(page);
    const logged = collectorLog.length;
    await trackThenLeave(page, 'away', 300, 40, `location.assign(${JSON.stringify(`${env.stack.collector.url}/`)})`);
    await page.waitForURL(`${env.stack.collector.url}/`);
    // Some left by beacon as the page went…
    await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: `the probes beaconed as the page left (POSTs the page saw: ${posts.join('; ') || 'none'}; the collector: ${collectorLog.slice(logged).join('; ') || 'nothing'})`,
      until: (all) => probesOf(all, 'away').length > 0,
    });
    // …and the shop's next page sends the rest, which were saved for it.
    let sentOnReturn = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(env.stack.collector.url)) {
        sentOnReturn += (request.postData() ?? '').split('"run":"away"').length - 1;
      }
    });
    await visit(page, `${env.stack.shop.url}/`); // the shopper comes back
    await expectEachStoredOnce(id, 'away', 300, 40);
    expect(sentOnReturn).toBeGreaterThan(0);
    await context.close();
  });

  it('are all kept, and delivered once each on the next visit, when that task closes the tab while the browser is offline', async () => {
    // A shopper on a train: every beacon would fail, and nobody would read its answer.
    const { context, page, id } = await shopper();
    await context.setOffline(true);
    await page.evaluate(({ names, pad }) => {
      const sightline = (window as any).sightline;
      addEventListener('pagehide', () => sightline.track(`${names[0]} hidden`, { run: 'offline', n: 'hide-0', pad }));
      names.forEach((name, n) => sightline.track(name, { run: 'offline', n: String(n), pad }));
    }, { names: names(120), pad: PAD });
    await page.close();
    await context.setOffline(false);
    await visit(await context.newPage(), `${env.stack.shop.url}/`); // back online, the shopper opens the shop again
    await expectEachStoredOnce(id, 'offline', 120, 1);
    await context.close();
  });
});

describe('a batch timer that fires while the next page of the shop loads', () => {
  // The collector answers in 2 s, the next page in 2.5 s: a request the leaving page started
  // at its batch timer (2 s) would still be under way as the page goes, and the next page
  // would send the batch again.
  const slow = useE2eEnv({ collector: { latencyMs: 2_000 } });
  const server = usePageServer();

  it('starts no request on the leaving page: the next page sends the batch, once', async () => {
    const pages = server();
    pages.page('/list.html', quietPage(slow.stack.collector.url));
    pages.page('/product.html', quietPage(slow.stack.collector.url, 'Product'));
    const context = await slow.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pages.url}/list.html`);
    await waitForSdk(page);
    const before = await fetchStats(slow.stack.collector.url);
    let posts = 0;
    page.on('request', (request) => void (request.method() === 'POST' && request.url().startsWith(slow.stack.collector.url) && posts++));
    await context.route(`${pages.url}/product.html`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });

    // Stored, then a link is followed: the batch timer fires while the product page loads.
    // In one page-side call: round trips of the harness between the first event and the
    // navigation (slow on a loaded machine) must not outlast the 2 s batch timer, which would
    // then fire on the list page, before any navigation, and send there, as it should.
    const beforeNavigating = await page.evaluate(async () => {
      const sightline = (window as any).sightline;
      const tracked = performance.now();
      for (let n = 0; n < 5; n++) sightline.track('Navigation Probe', { n });
      while (sightline.stats().queued !== 5) await new Promise((resolve) => setTimeout(resolve, 10));
      location.assign('/product.html');
      return performance.now() - tracked;
    });
    expect(beforeNavigating).toBeLessThan(2_000); // the premise: the timer is still to fire
    await page.waitForURL(/product\.html$/);
    await waitForSdk(page);
    // The product page's own request, answered: a duplicate would have been counted by now.
    await page.waitForFunction(() => (window as any).sightline.stats().sent === 5, undefined, { timeout: 15_000 });
    const stored = await waitForEvents(slow.stack.collector.url, { event: 'Navigation Probe', describe: 'the five probes', until: (all) => all.length >= 5 });
    expect(stored.map((e) => props(e).n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(posts).toBe(1); // the product page's; the list page sent nothing
    expect((await fetchStats(slow.stack.collector.url)).duplicates).toBe(before.duplicates);
    await context.close();
  }, 60_000);
});
