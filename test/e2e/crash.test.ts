import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { fetchStats, props, waitForEvents } from '../utils/e2e-collector';
import { collectorGate } from '../utils/e2e-gate';
import { presetConsent, visit } from '../utils/e2e-shop';
import { readyCrash } from '../utils/e2e-browser';
import { useE2eEnv } from '../utils/e2e-stack';
import { storedEventJson } from '../utils/e2e-storage';

// A renderer crash gives the page no pagehide, no beacon and no last task: only what the
// SDK had made durable survives it. The next page of the shop must deliver that, once.
const PROBE = 'Crash Probe';
// Probes are named in groups of 40: collector() admits 50 events of one name per 10 s.
const probeName = (n: number) => `${PROBE} ${Math.floor(n / 40)}`;

const env = useE2eEnv();

async function shopper(options: { withoutWebLocks?: boolean } = {}): Promise<BrowserContext> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  // Browsers without the Web Locks API (before Safari 15.4, Firefox 96) share the queue
  // through the localStorage lease instead.
  if (options.withoutWebLocks) await context.addInitScript(() => { delete (Navigator.prototype as any).locks; });
  return context;
}

/** Tracks `count` probes in this tab, in one task. */
function trackProbes(page: Page, tab: string, count: number): Promise<void> {
  return page.evaluate(({ tab, count, names }) => {
    for (let n = 0; n < count; n++) (window as any).sightline.track(names[n], { tab, n });
  }, { tab, count, names: Array.from({ length: count }, (_, n) => probeName(n)) });
}

/** How many events of `tab` sit in the SDK's queue, read from its stores: they survive a crash. */
const storedInQueue = async (page: Page, tab: string): Promise<number> =>
  (await storedEventJson(page, 'sightline:')).filter((json) => JSON.parse(json).properties?.tab === tab).length;

/** Kills the tab's renderer process, as an out-of-memory kill or a crash would. */
const crash = async (context: BrowserContext, page: Page): Promise<void> => (await readyCrash(context, page))();

const keysFor = (tab: string, count: number) => Array.from({ length: count }, (_, n) => `${tab}:${n}`);
const probeKeys = (events: StoredEvent[], tab: string) =>
  events.filter((e) => String(e.event).startsWith(PROBE) && props(e).tab === tab).map((e) => `${tab}:${props(e).n}`);

describe('a tab whose renderer crashes', () => {
  it('has its stored events delivered, once each, by the next page of the shop', async () => {
    const context = await shopper();
    const gate = await collectorGate(context, env.stack.collector.url);
    const page = await context.newPage();
    await visit(page, `${env.stack.shop.url}/`);
    gate.mode = 'fail'; // nothing leaves before the crash
    await trackProbes(page, 'crashed', 120);
    await expect.poll(() => storedInQueue(page, 'crashed'), { interval: 50 }).toBe(120);

    await crash(context, page);
    await page.close(); // the shopper closes the crashed tab…
    gate.mode = 'open';
    const next = await context.newPage(); // …and opens the shop again
    await visit(next, `${env.stack.shop.url}/cart`);

    const stored = await waitForEvents(env.stack.collector.url, {
      describe: 'the probes of the crashed tab',
      until: (all) => probeKeys(all, 'crashed').length >= 120,
    });
    expect(probeKeys(stored, 'crashed').sort()).toEqual(keysFor('crashed', 120).sort());
    await context.close();
  });

  it('leaves its lease to expire when it crashed while sending, and another tab then delivers everything once', async () => {
    const context = await shopper({ withoutWebLocks: true });
    const gate = await collectorGate(context, env.stack.collector.url);
    const [crashing, staying] = [await context.newPage(), await context.newPage()];
    await Promise.all([visit(crashing, `${env.stack.shop.url}/`), visit(staying, `${env.stack.shop.url}/cart`)]);
    expect(await crashing.evaluate(() => 'locks' in navigator)).toBe(false);
    const before = await fetchStats(env.stack.collector.url);

    // Held before the probes come: 60 stored events start a send at once (a full batch), and an
    // open gate would let it take them out of the queue before the count below could see 60.
    gate.mode = 'hold'; // the crashing tab's send is under way and never answered: it holds the lease
    await trackProbes(crashing, 'lease', 60);
    await expect.poll(() => storedInQueue(crashing, 'lease'), { interval: 50 }).toBe(60);
    void crashing.evaluate(() => (window as any).sightline.flush()).catch(() => undefined);
    await expect.poll(() => gate.held.length, { interval: 20 }).toBeGreaterThan(0);
    const lease = await staying.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith(':lease')).map((key) => localStorage.getItem(key)));
    expect(lease).toHaveLength(1); // taken by the crashing tab, for its send

    await crash(context, crashing);
    gate.mode = 'open';
    await Promise.all(gate.held.map((route) => route.abort().catch(() => undefined)));

    // The staying tab sends the shared queue once the dead tab's lease has run out.
    await trackProbes(staying, 'after', 1);
    const stored = await waitForEvents(env.stack.collector.url, {
      describe: 'the probes of the crashed tab, delivered by the other one',
      timeoutMs: 40_000,
      until: (all) => probeKeys(all, 'lease').length >= 60 && probeKeys(all, 'after').length >= 1,
    });
    expect(probeKeys(stored, 'lease').sort()).toEqual(keysFor('lease', 60).sort());
    expect(probeKeys(stored, 'after')).toEqual(['after:0']);
    expect((await fetchStats(env.stack.collector.url)).duplicates).toBe(before.duplicates);
    await context.close();
  }, 60_000);
});
