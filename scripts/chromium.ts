// How every benchmark and browser test starts Chromium on this project's machines: Debian's
// build (scripts/ensure-chromium.mjs installs it), never a downloaded one, headless, and
// with its own background traffic off — the machines have no network beyond the package
// registries, and Chromium's own connection attempts would otherwise fail noisily.
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, unless `CHROMIUM_PATH` names another binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, sandbox-less (we run as root), and making no network calls of its own. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with {@link CHROMIUM_PATH} and {@link CHROMIUM_ARGS} (plus `options.args`). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
