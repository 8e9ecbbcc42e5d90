import type { Plugin, SightlineClient } from '../types';
import { describeError } from './describe-error';
import type { Hooks } from './hooks';
import { pluginFailed } from './pipeline';

/** Adding, flushing and stopping plugins. */
export interface PluginManager {
  use(plugin: unknown): Promise<void>;
  /** Calls `flush('manual')` or `teardown()` of every plugin once the calls so far are through. */
  each(method: 'flush' | 'teardown'): Promise<void>;
}

// Calls an optional method of a plugin; a throw becomes a rejection.
const call = async (p: Plugin, method: 'setup' | 'flush' | 'teardown', arg: unknown): Promise<void> => {
  const fn = p[method] as ((arg: unknown) => unknown) | undefined;
  await (fn && fn.call(p, arg));
};

/**
 * Creates the plugin manager over the client's active `plugins` list. `use()` runs setup on
 * the client's chain (`chain` runs a function after every call made so far): events called
 * before never see the plugin, events called after wait for it. A setup that throws or
 * rejects leaves the plugin out and is reported. Neither method ever rejects.
 */
export function createPlugins(
  client: SightlineClient,
  plugins: Plugin[],
  chain: (fn: () => void | Promise<unknown>) => Promise<void>,
  report: Hooks['report'],
): PluginManager {
  return {
    use(p) {
      let name;
      try {
        name = typeof p == 'object' && (p as Plugin).name;
      } catch {
        // A hostile object: not a plugin.
      }
      if (typeof name == 'string' && name)
        return chain(() =>
          call(p as Plugin, 'setup', client).then(
            () => void plugins.push(p as Plugin),
            (e) => report('plugin/setup-failed', { plugin: name }, 'sdk', describeError(e)),
          ),
        );
      report('plugin/invalid', undefined, 'input');
      return Promise.resolve();
    },
    async each(method) {
      await chain(() => {});
      await Promise.all(plugins.map((p) => call(p, method, 'manual').catch((e) => pluginFailed(report, p, method, e))));
    },
  };
}
