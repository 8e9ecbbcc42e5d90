import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { trackNames, waitForEvents } from '../utils/e2e-collector';
import { collectorGate } from '../utils/e2e-gate';
import { usePageServer } from '../utils/e2e-page-server';
import { DIST_DIR, useE2eEnv, WRITE_KEY } from '../utils/e2e-stack';

// Angular apps that are not zoneless run change detection after every task of their zone
// (NgZone, a zone.js fork), and count as stable only while it has none pending. The
// documented recipe creates sightline outside that zone; then what the app calls from
// inside it (track, identify, a consent grant, flush) must add no task to the zone, not
// even the retries of a collector that is down.
const env = useE2eEnv();
const server = usePageServer();

/**
 * An app's scripts as Angular's CLI builds them: polyfills (zone.js) first, then the app
 * with the npm entries, async functions downleveled so that zone.js can follow them.
 */
const bundle = async (contents: string): Promise<string> => {
  const out = await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, write: false, format: 'iife', supported: { 'async-await': false } });
  return out.outputFiles[0]!.text;
};
let polyfills = '';
let app = '';
beforeAll(async () => {
  polyfills = await bundle(`import 'zone.js';`);
  app = await bundle(`import { createSightline, collector } from ${JSON.stringify(join(DIST_DIR, 'esm/index.js'))};
    import { autocapture } from ${JSON.stringify(join(DIST_DIR, 'esm/capture/index.js'))};
    window.sdk = { createSightline, collector, autocapture };`);
});

/**
 * A page of such an app: zone.js, the bundle, a button and room to scroll. `window.ngZone`
 * stands for NgZone: a fork of the root zone that lists the tasks scheduled in it
 * (`window.scheduled`), each a change detection to come.
 */
async function openApp(path: string): Promise<Page> {
  const pages = server();
  pages.page(
    path,
    `<!doctype html><title>Angular shop</title><script>${polyfills}</script><script>${app}</script>
    <script>
      window.scheduled = [];
      window.ngZone = Zone.current.fork({
        name: 'angular',
        onScheduleTask(parent, current, target, task) {
          if (task.type != 'microTask') scheduled.push(task.type + ' ' + task.source);
          return parent.scheduleTask(target, task);
        },
      });
    </script>
    <button>Add to cart</button><div style="height: 4000px"></div>`,
  );
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pages.url}${path}`);
  return page;
}

/** Creates sightline (consent denied until the app grants it), inside NgZone or out of it. */
const create = (page: Page, inside: boolean): Promise<void> =>
  page.evaluate(
    ([endpoint, writeKey, inside]) => {
      const w = window as any;
      const make = (): unknown =>
        (w.sightline = w.sdk.createSightline({
          writeKey,
          consent: { default: 'denied' },
          plugins: [(w.collector = w.sdk.collector({ endpoint, format: 'segment', retry: { baseMs: 50, capMs: 200 } })), ...w.sdk.autocapture()],
        }));
      inside ? w.ngZone.run(make) : make();
    },
    [env.stack.collector.url, WRITE_KEY, inside] as const,
  );

/** What was scheduled in NgZone since the last call. */
const scheduled = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).scheduled.splice(0));

describe('sightline in an Angular app (zone.js)', () => {
  it('created outside NgZone, adds no task to it, whatever the app calls from inside it', async () => {
    const page = await openApp('/outside.html');
    const gate = await collectorGate(page.context(), env.stack.collector.url);
    // The premise: what the app itself schedules in the zone is seen.
    await page.evaluate(() => (window as any).ngZone.run(() => setTimeout(() => {}, 0)));
    expect(await scheduled(page)).toEqual(['macroTask setTimeout']);

    await create(page, false);
    await page.click('button');
    await page.mouse.wheel(0, 600);
    gate.mode = 'fail';
    await page.evaluate(() => {
      const { ngZone, sightline } = window as any;
      return ngZone.run(() => {
        // A consent banner's "Accept", and what the app tracks afterwards.
        sightline.consent.update({ analytics: true });
        sightline.identify('user-7', { plan: 'gold' });
        sightline.track('Zone Product Added', { product_id: 'p1' });
        sightline.track('Zone Checkout Started', { total: 40 });
        return sightline.flush();
      });
    });
    // The collector is down: retries go on.
    await expect.poll(() => page.evaluate(() => (window as any).collector.stats().retried)).toBeGreaterThan(1);
    gate.mode = 'open';
    await page.evaluate(() => (window as any).ngZone.run(() => (window as any).sightline.flush()));
    const events = await waitForEvents(env.stack.collector.url, {
      userId: 'user-7',
      describe: 'the app\u2019s events',
      until: (events) => ['Zone Product Added', 'Zone Checkout Started'].every((name) => trackNames(events).includes(name)),
    });
    expect(events.map((e) => e.type)).toContain('identify');
    expect(await scheduled(page)).toEqual([]);
    await page.context().close();
  });

  it('created inside NgZone, would add its listeners to it: why the docs ask for outside', async () => {
    const page = await openApp('/inside.html');
    await create(page, true);
    // Plugins set up a microtask or more after createSightline: poll.
    await expect.poll(() => page.evaluate(() => (window as any).scheduled.slice())).toContain('eventTask HTMLDocument.addEventListener:click');
    await page.context().close();
  });
});
