#!/usr/bin/env node
/**
 * `npm start`: the example collector and the example storefront on 127.0.0.1, until
 * Ctrl+C. With CI=true or --smoke it checks both answer 200 and exits on its own.
 *
 *   node examples/start.ts [--smoke] [--fail-rate 0.3] [--latency 200] [--drop-connection 0.1]
 *                          [--data-dir DIR]                          (default examples/collector/data)
 *                          [--collector-url http://127.0.0.1:4318]   (use a collector already running;
 *                              the four flags above then belong to it, and are refused here)
 * Ports: COLLECTOR_PORT (default 4318) and STORE_PORT (default 4319); a taken port falls back to a free one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCollector } from './collector/server.ts';
import { readStartArgs, START_USAGE, wantsHelp, type StartArgs } from './start-args.ts';
import { ensureModel } from './storefront/reco/build-model.ts';
import { startStorefront } from './storefront/server.ts';

interface Closable {
  url: string;
  close(): Promise<void>;
}

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

function portFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 0 && value <= 65_535 ? value : fallback;
}

/** Starts on `port`; if that port is taken, on a free one (and says so). */
async function onPort<T>(label: string, port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    console.warn(`${label}: port ${port} is taken, using a free port instead`);
    return start(0);
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function printUrls(shop: string, collector: string): void {
  const rows = [
    ['Shop', `${shop}/`],
    ['Shop + debug panel', `${shop}/?debug=1`],
    ['Lookbook (ESM build)', `${shop}/lookbook`],
    ['Collector dashboard', `${collector}/`],
    ['Events API', `${collector}/api/events?order=asc`],
  ];
  console.log('\nsightline demo is running\n');
  for (const [label, url] of rows) console.log(`  ${label!.padEnd(22)} ${url}`);
  console.log('');
}

/** Starts the collector (unless one was given) and the shop; pushes each onto `running`. */
async function startAll(args: StartArgs, running: Closable[]): Promise<{ shop: string; collector: string }> {
  let collectorUrl = args.collectorUrl?.replace(/\/+$/, '');
  if (!collectorUrl) {
    const chaos = { failRate: args.failRate, latencyMs: args.latencyMs, dropConnectionRate: args.dropConnectionRate };
    const collector = await onPort('collector', portFromEnv('COLLECTOR_PORT', 4318), (port) =>
      startCollector({ port, dataDir: args.dataDir, writeKey: 'demo', quiet: args.smoke, ...chaos }));
    running.push(collector);
    collectorUrl = collector.url;
    const active = Object.entries(chaos).filter(([, value]) => value);
    if (active.length) console.log(`collector chaos mode: ${active.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  const url = collectorUrl;
  // The shop would train it too; doing it first shows the progress and any problem.
  const model = await ensureModel({ distDir: DIST, log: args.smoke ? undefined : console.log });
  if (!model.ok) console.warn(`recommendations: no model (${model.reason}); the shop recommends popular items`);
  const shop = await onPort('storefront', portFromEnv('STORE_PORT', 4319), (port) => startStorefront({ port, collectorUrl: url, distDir: DIST }));
  running.push(shop);
  return { shop: shop.url, collector: url };
}

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    console.log(START_USAGE);
    return;
  }
  let args: StartArgs;
  try {
    args = readStartArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${START_USAGE}`);
    process.exit(2);
  }
  if (!existsSync(`${DIST}sightline.iife.js`)) console.warn('dist/sightline.iife.js is missing: run `npm run build` (npm start does).');
  const running: Closable[] = [];
  const stop = async () => { await Promise.allSettled(running.map((s) => s.close())); };
  let urls: { shop: string; collector: string };
  try {
    urls = await startAll(args, running);
  } catch (error) {
    console.error('could not start the demo:', (error as Error).message);
    await stop();
    process.exit(1);
  }
  printUrls(urls.shop, urls.collector);
  if (args.smoke) {
    const ok = (await answers200(`${urls.shop}/`)) && (await answers200(`${urls.collector}/`));
    console.log(ok ? 'smoke check: shop and collector answer 200' : 'smoke check FAILED: a server did not answer 200');
    await stop();
    process.exit(ok ? 0 : 1);
  }
  console.log('Press Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping the shop and the collector`);
      stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

await main();
