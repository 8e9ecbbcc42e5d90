import type { Plugin, SightlineClient } from '../types';

type Host = { sightline?: { ready?(fn: (client: SightlineClient) => void): void } } & Record<string, unknown>;

/**
 * What an add-on file (loaded by the main script from beside itself) does when it runs: add
 * its plugin to the running client once. `flag` marks it on `window`, so a second copy of the
 * same add-on does not report everything twice. Never throws: without the add-on, the rest
 * of sightline keeps working.
 */
export const registerAddon = (flag: string, make: () => Plugin): void => {
  try {
    const host = (typeof window !== 'undefined' ? window : {}) as Host;
    if (host[flag] || !host.sightline || typeof host.sightline.ready !== 'function') return;
    host[flag] = true;
    host.sightline.ready((client) => void client.use(make()));
  } catch {
    // Nothing to report to yet; the main script reports add-ons that fail to load.
  }
};
