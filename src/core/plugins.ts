import type { Plugin, SightlineClient } from '../types';
import { describeError } from './describe-error';
import { PLUGIN_ERRORS } from './errors';
import type { Hooks } from './hooks';

/** Adding, flushing and stopping plugins. */
export interface PluginManager {
  use(plugin: unknown): Promise<void>;
  /** Calls `flush('manual')` or `teardown()` of every plugin once the calls so far are through. */
  each(method: 'flush' | 'teardown'): Promise<void>;
}

/** Reports a plugin stage that threw or rejected: `plugin/failed` with the plugin and stage. */
export function pluginFailed(report: Hooks['report'], p: Plugin, stage: string, e: unknown): void {
  report(PLUGIN_ERRORS.failed, { plugin: p.name, stage }, 'sdk', describeError(e));
}

/**
 * Creates the plugin manager over the client's active `plugins` list. `use()` runs setup on
 * the client's chain (`chain` runs a function after every call made so far): events called
 * before never see the plugin, events called after wait for it. A setup that throws or
 * rejects leaves the plugin out and is reported.
 */
export function createPlugins(
  client: SightlineClient,
  plugins: Plugin[],
  { chain, report }: { chain(fn: () => void | Promise<unknown>): Promise<void>; report: Hooks['report'] },
): PluginManager {
  // Calls an optional method; a throw or rejection becomes `onFail`, never a rejection.
  const call = (p: Plugin, method: 'setup' | 'flush' | 'teardown', onFail: (e: unknown) => void): Promise<unknown> =>
    new Promise((ok) => ok((p[method] as (arg: unknown) => unknown)?.call(p, method == 'setup' ? client : 'manual'))).then(() => {
      if (method == 'setup') plugins.push(p);
    }, onFail);
  return {
    use(p) {
      let name;
      try {
        name = typeof p == 'object' && (p as Plugin).name;
      } catch {
        // A hostile object: not a plugin.
      }
      if (typeof name == 'string' && name)
        return chain(() => call(p as Plugin, 'setup', (e) => report(PLUGIN_ERRORS.setupFailed, { plugin: name }, 'sdk', describeError(e))));
      report(PLUGIN_ERRORS.invalid, undefined, 'input');
      return Promise.resolve();
    },
    each: (method) =>
      chain(() => {}).then(() => Promise.all(plugins.map((p) => call(p, method, (e) => pluginFailed(report, p, method, e)))).then(() => {})),
  };
}
