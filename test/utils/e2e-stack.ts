import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../examples/collector/server';
import { startStorefront, type RunningStorefront, type StorefrontOptions } from '../../examples/storefront/server';
import { seededRandom as seeded } from '../../examples/storefront/reco/random';
import { launchBrowser, type BrowserOptions, type E2eBrowser } from './e2e-browser';

/**
 * The built SDK the storefront serves under /sdk/ (npm run test:e2e builds it first);
 * SIGHTLINE_DIST_DIR points the suite at another build, e.g. a release candidate.
 */
export const DIST_DIR = process.env.SIGHTLINE_DIST_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url));

/** The write key the storefront's script tag sends and the collector requires. */
export const WRITE_KEY = 'demo';

/** The real collector and the real storefront on 127.0.0.1, on ports the system picked. */
export interface E2eStack {
  collector: RunningCollector;
  shop: RunningStorefront;
  close(): Promise<void>;
}

/** Options of {@link startStack}: collector chaos settings and storefront script-tag settings. */
export interface StackOptions {
  collector?: Omit<CollectorOptions, 'port' | 'dataDir' | 'writeKey' | 'quiet'>;
  shop?: Omit<StorefrontOptions, 'port' | 'collectorUrl' | 'distDir'>;
}

/**
 * Starts a collector (fresh temp data folder) and a storefront that sends to it. The collector
 * logs a line per batch only where `options.collector.log` takes them.
 */
export async function startStack(options: StackOptions = {}): Promise<E2eStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sightline-e2e-data-'));
  const quiet = !options.collector?.log;
  const collector = await startCollector({ ...options.collector, port: 0, dataDir, writeKey: WRITE_KEY, quiet });
  const shop = await startStorefront({ ...options.shop, port: 0, collectorUrl: collector.url, distDir: DIST_DIR, writeKey: WRITE_KEY });
  return {
    collector,
    shop,
    async close() {
      await Promise.allSettled([shop.close(), collector.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A deterministic `random` for chaos mode (the storefront's mulberry32), so a run's failures can be replayed. */
export function seededRandom(seed: number): () => number {
  return seeded(seed).next;
}

/** The stack and the Chromium of a test file, set once its first test is about to run. */
export interface E2eEnv {
  stack: E2eStack;
  browser: E2eBrowser;
}

/**
 * Starts the stack and a Chromium (fresh profile) before the file's tests, side by side,
 * and stops both after them. Call it at the top level of a test file, or in a `describe`
 * block that needs a stack of its own.
 */
export function useE2eEnv(options: StackOptions = {}, browser: BrowserOptions = {}): E2eEnv {
  const env = {} as E2eEnv;
  beforeAll(async () => {
    [env.stack, env.browser] = await Promise.all([startStack(options), launchBrowser(browser)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}
