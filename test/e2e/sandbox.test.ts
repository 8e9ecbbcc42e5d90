import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForEvents } from '../utils/e2e-collector';
import { collectReports } from '../utils/e2e-sdk-log';
import { useE2eEnv, WRITE_KEY } from '../utils/e2e-stack';

// A sandboxed iframe (`sandbox="allow-scripts"`: an embedded widget, a checkout step run by
// a third party) has an opaque origin. There every storage throws SecurityError — cookies,
// localStorage, IndexedDB — and Web Locks refuse. sightline must still start, keep its
// queue in memory, say so, and deliver.
const env = useE2eEnv({ collector: { allowedOrigins: '*' } }); // the frame's origin is "null"

const PROBE = 'Sandboxed Probe';

/** The script tag of the shop's snippet, inside a sandboxed frame of the shop's home page. */
async function sandboxedFrame(): Promise<{ frame: Frame; pageErrors: Error[]; reports: string[] }> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const reports = collectReports(page);
  await page.goto(`${env.stack.shop.url}/`);
  const html = `<!doctype html><body><script src="${env.stack.shop.url}/sdk/sightline.iife.js" data-endpoint="${env.stack.collector.url}"`
    + ` data-format="segment" data-write-key="${WRITE_KEY}" data-consent="granted" data-autocapture="none" data-debug="true"></script></body>`;
  await page.evaluate((srcdoc) => {
    const iframe = document.createElement('iframe');
    iframe.name = 'sandboxed';
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.srcdoc = srcdoc;
    document.body.append(iframe);
  }, html);
  await expect.poll(() => page.frame({ name: 'sandboxed' })).toBeTruthy();
  const frame = page.frame({ name: 'sandboxed' })!;
  // Poll on a timer, not on requestAnimationFrame (waitForFunction's default): the frame is
  // cross-origin (its own process) and below the fold, so Chromium throttles its rendering and
  // runs no animation frames there. Had the SDK not yet run at the first check, a rAF poll
  // would never check again.
  await frame.waitForFunction(() => Boolean((window as any).sightline?.__sightline), undefined, { polling: 100 });
  return { frame, pageErrors, reports };
}

describe('sightline in a sandboxed iframe, where every storage throws', () => {
  it('keeps its queue in memory, reports each downgrade, and delivers', async () => {
    const { frame, pageErrors, reports } = await sandboxedFrame();
    expect(await frame.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (error) {
        return (error as DOMException).name;
      }
    })).toBe('SecurityError');

    await frame.evaluate((name) => {
      const sightline = (window as any).sightline;
      for (let n = 0; n < 20; n++) sightline.track(name, { n });
      return sightline.flush();
    }, PROBE);
    await expect.poll(() => frame.evaluate(() => (window as any).sightline.stats()?.storage)).toBe('memory');
    const stored = await waitForEvents(env.stack.collector.url, {
      event: PROBE,
      describe: 'the probes of the sandboxed frame',
      until: (all) => all.length >= 20,
    });
    expect(stored.map((e) => (e.payload as any).properties.n).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    await expect.poll(() => reports.filter((code) => code === 'storage/downgraded').length).toBe(2); // IndexedDB → localStorage → memory
    expect(reports.filter((code) => code !== 'storage/downgraded')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
