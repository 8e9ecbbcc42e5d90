import type { Plugin, SightlineClient, SightlineOptions } from '../types';
import { createCalls, type Calls } from './calls';
import { createConsent } from './consent';
import { createHooks, noop } from './hooks';
import { resolveOptions } from './options';
import { callPlugin, pluginFailed, runPipeline } from './pipeline';
import { isName } from './validate';

type Method = (...a: unknown[]) => void;

/**
 * Creates a sightline client. Neither this nor any method of the client ever throws:
 * problems reach `onError` listeners with a stable code (docs/errors.md).
 */
export const createSightline = (options: SightlineOptions): SightlineClient => {
  const invalid: string[] = [];
  const o = resolveOptions(options, invalid);
  const hooks = createHooks(o.debug);
  const { report } = hooks;
  // The plugins whose setup succeeded, in order.
  const plugins: Plugin[] = [];
  const none = Promise.resolve();
  let tail: Promise<unknown> = none;
  let dead = false;
  let stopped: Promise<void> | undefined;

  const fault = (e: unknown): void => report('core/failed', 'sdk', undefined, e);
  // One promise step per call keeps events in order; a synchronous pipeline adds no other microtask.
  const chain = (fn: () => unknown): Promise<void> => (tail = tail.then(fn).catch(fault)) as Promise<void>;
  // The public face: after destroy() calls are ignored; nothing ever throws to the caller.
  // The core has no timer of its own, so once the calls so far are through no listener is
  // called again: destroy() need not unsubscribe them.
  const safe =
    <A extends unknown[], R>(fn: (...a: A) => R, otherwise?: R) =>
    (...a: A): R => {
      if (!dead)
        try {
          return fn(...a);
        } catch (e) {
          fault(e);
        }
      return otherwise!;
    };

  // Setup runs on the chain: events called before never see the plugin, events called after
  // wait for it. A setup that throws or rejects leaves the plugin out and is reported.
  const use = (p: unknown): Promise<void> => {
    let name;
    try {
      name = typeof p == 'object' && (p as Plugin).name;
    } catch {
      // A hostile object: not a plugin.
    }
    if (isName(name))
      return chain(() =>
        callPlugin(p as Plugin, 'setup', client).then(
          () => void plugins.push(p as Plugin),
          (e) => report('plugin/setup-failed', 'sdk', { plugin: name }, e),
        ),
      );
    report('plugin/invalid', 'input');
    return none;
  };
  // `flush('manual')` or `teardown()` of every plugin once the calls so far are through; off
  // the chain, so events called meanwhile are not held back. Never rejects.
  const each = async (method: 'flush' | 'teardown'): Promise<void> => {
    await tail;
    await Promise.all(plugins.map((p) => callPlugin(p, method, 'manual').catch((e) => pluginFailed(report, p, method, e))));
  };

  const consent = createConsent(o, hooks, (ev) => void chain(() => runPipeline(plugins, ev, hooks)));
  const { user, ...calls } = createCalls(o, hooks, consent) as Calls & Record<string, Method>;
  Object.keys(calls).forEach((k) => (calls[k] = safe(calls[k]!)));
  const client: SightlineClient = {
    ...calls,
    reportError: safe(hooks.reportError),
    on: safe(hooks.on, noop),
    onError: safe((fn: unknown) => hooks.on('error', fn), noop),
    use: safe(use, none),
    flush: safe(() => each('flush'), none),
    destroy: () => ((dead = true), (stopped = stopped || each('teardown'))),
    user,
    consent: {
      get: consent.get,
      update: safe(consent.update),
    },
    options: o,
  };
  if (o.onError) client.onError(o.onError);
  // Reported once `onError` listens: limits given that were no number ≥ 0 (their defaults stand).
  if (invalid.length) report('core/invalid-option', 'input', { options: invalid });
  if (Array.isArray(o.plugins)) o.plugins.forEach(client.use);
  chain(() => hooks.emit('ready'));
  return client;
};
