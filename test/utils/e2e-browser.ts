import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

/** A Chromium running on its own fresh profile, plus isolated contexts for single tests. */
export interface E2eBrowser {
  browser: Browser;
  /** The persistent context of the fresh `--user-data-dir`. */
  profile: BrowserContext;
  /** A new isolated context (its own cookies and storage), closed by `close()` at the latest. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 860 };

/** Options of {@link launchBrowser}. */
export interface BrowserOptions {
  /**
   * Keep Chromium's back/forward cache on. playwright-core turns it off by default, so
   * that Back always reloads; a spec of bfcache behaviour needs it as shoppers have it.
   */
  backForwardCache?: boolean;
}

/** Launches Chromium with a fresh `--user-data-dir` in a temp folder (one per test file). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<E2eBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sightline-e2e-profile-'));
  const profile = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  const browser = profile.browser();
  if (!browser) throw new Error('playwright-core returned a persistent context without a browser');
  const contexts: BrowserContext[] = [];
  return {
    browser,
    profile,
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, ...options });
      contexts.push(context);
      return context;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await profile.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Readies the killing of `page`'s renderer process, as an out-of-memory kill or a crash
 * would: the returned function kills it at once (no round trip to set up first) and
 * resolves once the page has crashed.
 */
export async function readyCrash(context: BrowserContext, page: Page): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  return async () => {
    void cdp.send('Page.crash').catch(() => undefined); // never answers: the target is gone
    await crashed;
  };
}
