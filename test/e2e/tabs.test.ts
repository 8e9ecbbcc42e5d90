import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { fetchStats, props, waitForEvents } from '../utils/e2e-collector';
import { postsOf, timeCollectorPosts } from '../utils/e2e-posts';
import { quietPage, usePageServer } from '../utils/e2e-page-server';
import { presetConsent, visit, waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv, type E2eEnv } from '../utils/e2e-stack';

// Several tabs of one shop share one persisted queue, and one tab sends at a time: through
// Web Locks where the browser has them, through a localStorage lease where it does not
// (before Safari 15.4 and Firefox 96; here Chromium with `navigator.locks` removed). The
// collector answers slowly, so two tabs sending at once would show as overlapping requests.
const LATENCY_MS = 80;
// Probes are named in groups of 40: collector() admits 50 events of one name per 10 s.
const PROBE = 'Tab Probe';
const isProbe = (e: StoredEvent) => String(e.event).startsWith(PROBE);

/** A shopper's browser with consent given and every POST to the collector timed, per tab. */
async function shopperWithTimedPosts(env: E2eEnv, withWebLocks: boolean): Promise<BrowserContext> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  if (!withWebLocks) await context.addInitScript(() => { delete (Navigator.prototype as any).locks; });
  await timeCollectorPosts(context, env.stack.collector.url);
  return context;
}

/** Tracks `count` probe events from this tab in bursts of 50, each burst in one task. */
function trackProbes(page: Page, tab: string, count: number): Promise<void> {
  return page.evaluate(async ({ tab, count, name }) => {
    for (let n = 0; n < count; n++) {
      (window as any).sightline.track(`${name} ${Math.floor(n / 40)}`, { tab, n });
      if (n % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, { tab, count, name: PROBE });
}

/** The probes stored by these tabs, as `tab:n` keys. */
const probeKeys = (events: StoredEvent[], tabs: string[]) =>
  events.filter((e) => isProbe(e) && tabs.includes(props(e).tab)).map((e) => `${props(e).tab}:${props(e).n}`);

function expectEachOnce(events: StoredEvent[], expected: string[]): void {
  const keys = probeKeys(events, [...new Set(expected.map((key) => key.split(':')[0]!))]);
  expect(keys).toHaveLength(expected.length);
  expect(new Set(keys)).toEqual(new Set(expected));
}

const keysFor = (tab: string, count: number) => Array.from({ length: count }, (_, n) => `${tab}:${n}`);

describe.each([
  { lock: 'Web Locks', withWebLocks: true },
  { lock: 'the localStorage lease', withWebLocks: false },
])('several open tabs of one shop, sharing the queue through $lock', ({ withWebLocks }) => {
  // A collector of its own: the probes of the other variant have the same names.
  const env = useE2eEnv({ collector: { latencyMs: LATENCY_MS } });

  it('delivers the events of both tabs once each, with one tab sending at a time', async () => {
    const context = await shopperWithTimedPosts(env, withWebLocks);
    const tabs = [await context.newPage(), await context.newPage()] as const;
    await Promise.all(tabs.map((tab) => visit(tab, `${env.stack.shop.url}/`)));
    expect(await tabs[0].evaluate(() => 'locks' in navigator)).toBe(withWebLocks);
    const before = await fetchStats(env.stack.collector.url);

    await Promise.all([trackProbes(tabs[0], 'A', 200), trackProbes(tabs[1], 'B', 200)]);

    const stored = await waitForEvents(env.stack.collector.url, {
      describe: 'the 400 probes of the two tabs',
      timeoutMs: 30_000,
      until: (all) => probeKeys(all, ['A', 'B']).length >= 400,
    });
    expectEachOnce(stored, [...keysFor('A', 200), ...keysFor('B', 200)]);
    expect((await fetchStats(env.stack.collector.url)).duplicates).toBe(before.duplicates);

    const [postsA, postsB] = await Promise.all([postsOf(tabs[0]), postsOf(tabs[1])]);
    const carried = [...postsA, ...postsB].reduce((sum, post) => sum + post.events, 0);
    expect(carried).toBeGreaterThanOrEqual(400); // every probe went in one of the timed requests
    for (const a of postsA) {
      for (const b of postsB) expect({ a, b, overlap: a.start < b.end && b.start < a.end }).toMatchObject({ overlap: false });
    }
    await context.close();
  }, 60_000);

  it('lets the other tab deliver what a tab left behind when it was closed while sending', async () => {
    const context = await shopperWithTimedPosts(env, withWebLocks);
    const [closing, staying] = [await context.newPage(), await context.newPage()];
    await Promise.all([visit(closing, `${env.stack.shop.url}/`), visit(staying, `${env.stack.shop.url}/cart`)]);

    const postCount = async () => (await Promise.all([closing, staying].map(postsOf))).flat().length;
    const before = await postCount();
    await trackProbes(closing, 'closed', 300);
    await closing.evaluate(() => { void (window as any).sightline.flush(); });
    // A send is under way (from either tab: whichever holds the lock sends the shared queue)…
    await expect.poll(postCount, { interval: 10 }).toBeGreaterThan(before);
    const closed = closing.waitForEvent('close');
    await closing.close({ runBeforeUnload: true }); // …when the tab goes (pagehide, as a real close)
    await closed;

    // The tab that stays sends the shared queue the next time it has something of its own.
    await trackProbes(staying, 'stayed', 1);
    const stored = await waitForEvents(env.stack.collector.url, {
      describe: 'the probes of the closed tab, delivered by the other one',
      timeoutMs: 30_000,
      until: (all) => new Set(probeKeys(all, ['closed', 'stayed'])).size >= 301,
    });
    // The collector removes a retried batch by messageId; each probe is stored once.
    expectEachOnce(stored, [...keysFor('closed', 300), 'stayed:0']);
    // 300 probes (~180 KB) outgrow the 64 KB a closing page may still send: the rest went
    // from the tab that stayed.
    const carried = (await postsOf(staying)).reduce((sum, post) => sum + post.events, 0);
    expect(carried).toBeGreaterThan(1);
    await context.close();
  }, 60_000);
});

describe('a tab whose stored events another tab delivered', () => {
  const env = useE2eEnv({ collector: { latencyMs: LATENCY_MS } });

  /** The probes of this page's origin that the shared IndexedDB queue holds. */
  const storedProbes = (page: Page) =>
    page.evaluate(async (name) => {
      const [queue] = (await indexedDB.databases()).filter((d) => d.name?.startsWith('sightline:'));
      if (!queue?.name) return 0;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(queue.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const records = await new Promise<{ j: string[] }[]>((resolve, reject) => {
        const all = db.transaction('queue').objectStore('queue').getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
      db.close();
      return records.flatMap((r) => r.j).filter((json) => json.includes(name)).length;
    }, PROBE);

  it('does not beacon them again when it is closed before its own batch timer fires', async () => {
    const context = await shopperWithTimedPosts(env, true);
    await context.clock.install();
    const [sender, closing] = [await context.newPage(), await context.newPage()];
    await Promise.all([visit(sender, `${env.stack.shop.url}/`), visit(closing, `${env.stack.shop.url}/cart`)]);
    // From here the tabs' timers stand still: the closing tab's batch timer never fires, so
    // only the other tab's explicit flush sends what it stores. (A jump of a second: a longer
    // one would fire the timeout of a request still in flight, whose retry is a duplicate.)
    await context.clock.pauseAt(Date.now() + 1_000);
    const before = await fetchStats(env.stack.collector.url);

    await trackProbes(closing, 'closing', 5);
    await expect.poll(() => storedProbes(closing), { interval: 20 }).toBe(5); // stored, waiting for its timer
    await trackProbes(sender, 'sender', 1);
    await sender.evaluate(() => (window as any).sightline.flush());
    const stored = await waitForEvents(env.stack.collector.url, {
      // The sender's: the closing tab's timer stands still, and 5 events trigger no batch.
      describe: "both tabs' probes, sent by the sender",
      timeoutMs: 30_000,
      until: (all) => probeKeys(all, ['closing', 'sender']).length >= 6,
    });
    expectEachOnce(stored, [...keysFor('closing', 5), 'sender:0']);

    const closed = closing.waitForEvent('close');
    await closing.close({ runBeforeUnload: true }); // pagehide: what is not sent yet would be beaconed
    await closed;
    // A last request from the sender, after the close: a beacon the closed tab sent comes in
    // before it (were one ever later, this spec could miss it, but never fail for it).
    await trackProbes(sender, 'after', 1);
    await sender.evaluate(() => (window as any).sightline.flush());
    const all = await waitForEvents(env.stack.collector.url, {
      describe: 'the probe tracked after the close',
      timeoutMs: 30_000,
      until: (events) => probeKeys(events, ['after']).length >= 1,
    });
    expectEachOnce(all, [...keysFor('closing', 5), 'sender:0', 'after:0']);
    expect((await fetchStats(env.stack.collector.url)).duplicates).toBe(before.duplicates);
    await context.close();
  }, 60_000);
});

describe('a tab already open, when another tab is closed in the same task as a burst', () => {
  const env = useE2eEnv({ collector: { latencyMs: LATENCY_MS } });
  const server = usePageServer();

  it('sends what the closed tab saved for the next page, with no event of its own', async () => {
    // Pages that track nothing by themselves: the open tab has no batch timer of its own to
    // notice the saved events with.
    const pages = server();
    pages.page('/idle.html', quietPage(env.stack.collector.url));
    const context = await env.browser.newContext();
    const staying = await context.newPage();
    await staying.goto(`${pages.url}/idle.html`);
    await waitForSdk(staying);
    const before = await fetchStats(env.stack.collector.url);

    // A tab the shop opened (so its script may close it): 300 probes (~190 KB) and the close,
    // in one task. ~64 KB leave by beacon; the rest is saved in localStorage, and reaches the
    // other tab's renderer a moment later.
    const opened = context.waitForEvent('page');
    await staying.evaluate(() => void window.open('/idle.html'));
    const closing = await opened;
    await waitForSdk(closing);
    const closed = closing.waitForEvent('close');
    await closing.evaluate(({ name }) => {
      // What the closing tab had seen fail when it went (read after the SDK's own pagehide listener).
      addEventListener('pagehide', () => localStorage.setItem('e2e:retried-at-exit', String((window as any).sightline.stats().retried)));
      for (let n = 0; n < 300; n++) (window as any).sightline.track(`${name} ${Math.floor(n / 40)}`, { tab: 'closed', n, pad: 'x'.repeat(500) });
      window.close();
    }, { name: PROBE });
    await closed;

    const stored = await waitForEvents(env.stack.collector.url, {
      describe: 'the probes of the closed tab, the rest sent by the open one',
      timeoutMs: 30_000,
      until: (all) => probeKeys(all, ['closed']).length >= 300,
    });
    expectEachOnce(stored, keysFor('closed', 300));
    // None twice, but for one case: on a slow machine the closing tab may start sending before
    // it goes. Chromium then fails that request at window.close(), before pagehide, though its
    // keepalive body still reaches the collector; the tab sees a network error, keeps the
    // batch for a retry, and the open tab sends it again: a duplicate its messageIds remove
    // (at-least-once: nobody can know that the failed request arrived).
    const retried = Number(await staying.evaluate(() => localStorage.getItem('e2e:retried-at-exit')));
    expect((await fetchStats(env.stack.collector.url)).duplicates - before.duplicates).toBeLessThanOrEqual(retried);
    expect(await staying.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':q:')))).toEqual([]);
    await context.close();
  }, 60_000);
});
