import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Bundle } from './bundle.ts';

/** A page of the shop, served at the collector's own origin, and what its network did. */
export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** POSTs to the collector seen by the driver: count and body bytes. */
  posts: { count: number; bytes: number };
  /** The page's URL (reloading it reloads the SDK). */
  url: string;
}

/**
 * Opens a fresh context (its own IndexedDB and localStorage) on `<collector>/bench.html`.
 * The page and the bundle are served by the browser itself (page.route), at the collector's
 * origin, so requests need no CORS; the page is cross-origin isolated (COOP + COEP) so
 * performance.now() has 5 µs resolution instead of 100 µs.
 */
export async function openBenchPage(browser: Browser, bundle: Bundle, collectorUrl: string): Promise<BenchPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = `${collectorUrl}/bench.html`;
  const html = `<!doctype html><meta charset="utf-8"><title>bench</title>
<script src="/sightline.iife.js" data-endpoint="${collectorUrl}/collect" data-write-key="bench" data-autocapture="none"></script>
<p>sightline delivery bench</p>`;
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', headers: isolated, body: html }));
  await page.route(`${collectorUrl}/sightline.iife.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' }, body: bundle.code }),
  );
  const posts = { count: 0, bytes: 0 };
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(collectorUrl)) return;
    posts.count++;
    posts.bytes += request.postDataBuffer()?.byteLength ?? 0;
  });
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { sightline?: { stats?: unknown } }).sightline?.stats === 'function');
  return { context, page, posts, url };
}

/** Polls `count()` until it reaches `target` or `timeoutMs` passes; resolves with the last count. */
export async function waitForCount(count: () => number, target: number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let n = count();
  while (n < target && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    n = count();
  }
  return n;
}
