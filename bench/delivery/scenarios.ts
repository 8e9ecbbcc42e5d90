import type { Browser } from 'playwright-core';
import type { Bundle } from './bundle.ts';
import { openBenchPage, waitForCount } from './page.ts';

/** What the bench needs from a collector: its URL and the unique events it stored. */
export interface BenchCollector {
  url: string;
  count(): number;
  /** Events received again after they were stored (the collector removed them by messageId). */
  duplicates(): number;
}

type Sl = { track(name: string, props?: object): void; stats(): Record<string, unknown> };
declare const window: Window & { sightline: Sl };

/** A product view as a shop sends it: ~0.6 KB of JSON once the core adds its context. */
function trackProductView(i: number): void {
  // Spread over 500 names: the collector's rate limit (50 per name per 10 s) must not drop any.
  window.sightline.track(`Product Viewed ${i % 500}`, {
    product_id: `P-${i}`,
    sku: `SKU-${i % 97}`,
    name: 'Merino wool crew neck sweater',
    price: 79.9,
    currency: 'EUR',
    category: 'Apparel/Knitwear',
    position: i % 24,
  });
}

/**
 * Per-call main-thread time of track(), over 10,000 calls in chunks of 100 (one task each),
 * then (unless `deliver` is false) waits until all of them reached the collector.
 */
export async function trackCost(browser: Browser, bundle: Bundle, c: BenchCollector, deliver = true) {
  const bench = await openBenchPage(browser, bundle, c.url);
  const before = c.count();
  const result = await bench.page.evaluate(
    async ({ fn }) => {
      const track = new Function(`return ${fn}`)() as (i: number) => void;
      const chunk = 100;
      const perCall: number[] = [];
      let deferred = 0;
      // Yield to the next task with a message, not setTimeout(0): nested timers are clamped
      // to 4 ms, which would add ~40 µs per event to the deferred column.
      const nextTask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
      // The first chunks run cold (the JIT has not compiled the pipeline yet): timed, but
      // reported apart so the median describes a page that has been tracking for a while.
      const WARM_UP = 1_000;
      for (let n = 0; n < 10_000; n += chunk) {
        const t0 = performance.now();
        for (let i = n; i < n + chunk; i++) track(i);
        const t1 = performance.now();
        // The work track() deferred (the core's pipeline, the queue's write) runs in microtasks.
        await nextTask();
        if (n >= WARM_UP) perCall.push(((t1 - t0) / chunk) * 1000);
        deferred += performance.now() - t0;
      }
      return { perCall, totalPerEventUs: (deferred / 10_000) * 1000 };
    },
    { fn: trackProductView.toString() },
  );
  const delivered = deliver ? (await waitForCount(c.count, before + 10_000, 120_000)) - before : 0;
  const stats = await bench.page.evaluate(() => window.sightline.stats());
  await bench.context.close();
  return { ...result, delivered, requests: bench.posts.count, bytes: bench.posts.bytes, stats };
}

/** Requests, bytes and main-thread busy time (CDP TaskDuration) to deliver 1,000 events. */
export async function sendThousand(browser: Browser, bundle: Bundle, c: BenchCollector) {
  const bench = await openBenchPage(browser, bundle, c.url);
  const cdp = await bench.context.newCDPSession(bench.page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await new Promise((resolve) => setTimeout(resolve, 500)); // the start cycle is done
  const before = c.count();
  const posts0 = { ...bench.posts };
  const [task0, script0] = [await metric('TaskDuration'), await metric('ScriptDuration')];
  const t0 = Date.now();
  await bench.page.evaluate(
    ({ fn }) => {
      const track = new Function(`return ${fn}`)() as (i: number) => void;
      for (let i = 0; i < 1_000; i++) track(i);
    },
    { fn: trackProductView.toString() },
  );
  const delivered = (await waitForCount(c.count, before + 1_000, 60_000)) - before;
  const elapsedMs = Date.now() - t0;
  const [task1, script1] = [await metric('TaskDuration'), await metric('ScriptDuration')];
  await bench.context.close();
  return {
    delivered,
    elapsedMs,
    requests: bench.posts.count - posts0.count,
    bytes: bench.posts.bytes - posts0.bytes,
    taskMs: task1 - task0,
    scriptMs: script1 - script0,
  };
}

/** 1,000 events in bursts against a collector that fails part of its requests. */
export async function underFaults(browser: Browser, bundle: Bundle, c: BenchCollector) {
  const bench = await openBenchPage(browser, bundle, c.url);
  const before = c.count();
  const duplicates0 = c.duplicates();
  const t0 = Date.now();
  for (let burst = 0; burst < 10; burst++) {
    await bench.page.evaluate(
      ({ fn, from }) => {
        const track = new Function(`return ${fn}`)() as (i: number) => void;
        for (let i = from; i < from + 100; i++) track(i);
      },
      { fn: trackProductView.toString(), from: burst * 100 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const delivered = (await waitForCount(c.count, before + 1_000, 180_000)) - before;
  const stats = await bench.page.evaluate(() => window.sightline.stats());
  await bench.context.close();
  return { delivered, elapsedMs: Date.now() - t0, requests: bench.posts.count, duplicatesReceived: c.duplicates() - duplicates0, stats };
}

/**
 * The hard case: 500 events (~1 KB each) tracked in the same task as location.reload(),
 * and 100 more tracked by a pagehide listener (as engagement-time capture does), which
 * are not durable when the page goes: they must leave by beacon or be saved for the
 * reloaded page.
 */
export async function trackThenReload(browser: Browser, bundle: Bundle, c: BenchCollector) {
  const bench = await openBenchPage(browser, bundle, c.url);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = c.count();
  const duplicates0 = c.duplicates();
  const loaded = bench.page.waitForEvent('load');
  await bench.page.evaluate(() => {
    // Count beacons where the reloaded page can read them (the old page's requests
    // are not all reported to the driver while it unloads).
    const beacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const ok = beacon(url, data);
      const bytes = new Blob([data as BlobPart]).size;
      sessionStorage.setItem('beacons', `${sessionStorage.getItem('beacons') ?? ''}${bytes}:${ok},`);
      return ok;
    };
    addEventListener('pagehide', () => {
      for (let i = 0; i < 100; i++) window.sightline.track(`Page Left ${i % 50}`, { pad: 'y'.repeat(400), i });
    });
    for (let i = 0; i < 500; i++) window.sightline.track(`Impression ${i % 200}`, { list: 'home', pad: 'x'.repeat(400), i });
    location.reload();
  });
  await loaded;
  const beacons = (await bench.page.evaluate(() => sessionStorage.getItem('beacons') ?? ''))
    .split(',')
    .filter(Boolean)
    .map((b) => ({ bytes: Number(b.split(':')[0]), accepted: b.endsWith('true') }));
  const delivered = (await waitForCount(c.count, before + 600, 30_000)) - before;
  await bench.context.close();
  return { tracked: 600, delivered, beacons, duplicatesReceived: c.duplicates() - duplicates0 };
}
