import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestCase } from './data.ts';
import type { Latency } from './score.ts';
import { latencyOf } from './score.ts';

/** What the page measured. */
export interface ChromiumResult {
  /** fetch + decode with `decodeModel`, no cache (ms). */
  fetchMs: number;
  decodeMs: number;
  /** `loadModel` the first time (fetch, validate, store in IndexedDB) and from IndexedDB (ms). */
  loadColdMs: number;
  loadWarmMs: number;
  latency: Latency;
}

/** Loads the IIFE bundle and the model in Chromium and times load, parse and `rankItems`. */
export async function inChromium(iifePath: string, model: Uint8Array, cases: readonly TestCase[]): Promise<ChromiumResult | { skipped: string }> {
  const { CHROMIUM_PATH, launchChromium } = await import('../../scripts/chromium.ts');
  if (!existsSync(CHROMIUM_PATH)) return { skipped: `no ${CHROMIUM_PATH}` };
  const files: Record<string, [string, string | Uint8Array]> = {
    '/': ['text/html', '<!doctype html><script src="/reco.js"></script>'],
    '/reco.js': ['text/javascript', readFileSync(iifePath, 'utf8')],
    '/model.slrm': ['application/octet-stream', model],
    '/cases.json': ['application/json', JSON.stringify(cases.map((c) => c.prefix))],
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? ''];
    // Cross-origin isolation lifts performance.now() from 100 µs steps to 5 µs.
    res.writeHead(f ? 200 : 404, {
      'Content-Type': f?.[0] ?? 'text/plain',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(f?.[1] ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const r = await page.evaluate(measure);
    return { fetchMs: r.fetchMs, decodeMs: r.decodeMs, loadColdMs: r.loadColdMs, loadWarmMs: r.loadWarmMs, latency: latencyOf(r.times) };
  } finally {
    await browser.close();
    server.close();
  }
}

// Runs in the page: window.SightlineRecommend is the IIFE bundle of src/recommend.
async function measure() {
  const R = (window as unknown as { SightlineRecommend: typeof import('../../src/recommend/index.ts') }).SightlineRecommend;
  const t0 = performance.now();
  const bytes = new Uint8Array(await (await fetch('/model.slrm')).arrayBuffer());
  const t1 = performance.now();
  const decoded = R.decodeModel(bytes);
  const t2 = performance.now();
  if (!('model' in decoded)) throw new Error(decoded.error.message);
  await R.loadModel('/model.slrm');
  const t3 = performance.now();
  await R.loadModel('/model.slrm');
  const t4 = performance.now();
  const prefixes = (await (await fetch('/cases.json')).json()) as string[][];
  const times: number[] = [];
  for (const items of prefixes) {
    const s = performance.now();
    R.rankItems(decoded.model, { items, limit: 20 });
    times.push(performance.now() - s);
  }
  return { fetchMs: t1 - t0, decodeMs: t2 - t1, loadColdMs: t3 - t2, loadWarmMs: t4 - t3, times };
}
