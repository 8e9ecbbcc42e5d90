import type { Plugin, SightlineClient, SightlineOptions } from '../types';
import { createCalls, type Calls } from './calls';
import { createConsent } from './consent';
import { describeError } from './describe-error';
import { createHooks } from './hooks';
import { createIdentity } from './identity';
import { resolveOptions } from './options';
import { runPipeline } from './pipeline';
import { createPlugins } from './plugins';

type Method = (...a: unknown[]) => void;

/**
 * Creates a sightline client. Neither this nor any method of the client ever throws:
 * problems reach `onError` listeners with a stable code (docs/errors.md).
 */
export function createSightline(options: SightlineOptions): SightlineClient {
  const [o, co, privacy, io, limits] = resolveOptions(options);
  const hooks = createHooks(!!o.debug);
  const { emit, report } = hooks;
  const plugins: Plugin[] = [];
  const none = Promise.resolve();
  let tail: Promise<unknown> = none;
  let dead = false;
  let stopped: Promise<void> | undefined;

  const fault = (e: unknown): void => report('core/failed', undefined, 'sdk', describeError(e));
  // One promise step per call keeps events in order; a synchronous pipeline adds no other microtask.
  const chain = (fn: () => unknown): Promise<void> => (tail = tail.then(fn).catch(fault)) as Promise<void>;
  // The public face: after destroy() calls are ignored; nothing ever throws to the caller.
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
  const consent = createConsent(co, hooks, (ev) => void chain(() => runPipeline(plugins, ev, hooks)));
  const identity = createIdentity(io, hooks, consent.get);
  const calls = createCalls({ id: identity, hooks, consent, limits, privacy });
  for (const k in calls) (calls as unknown as Record<string, Method>)[k] = safe(calls[k as keyof Calls] as Method);
  const noop = (): void => {};
  const client: SightlineClient = {
    ...calls,
    reportError: safe(hooks.reportError),
    on: safe(hooks.on, noop),
    onError: safe(hooks.onError, noop),
    use: safe((p) => manager.use(p), none),
    flush: safe(() => manager.each('flush'), none),
    destroy: () => ((dead = true), (stopped = stopped || manager.each('teardown').then(hooks.clear))),
    user: identity.user,
    consent: {
      get: consent.get,
      update: safe(consent.update),
    },
    options: o,
  };
  const manager = createPlugins(client, plugins, chain, report);
  if (o.onError) client.onError(o.onError);
  if (Array.isArray(o.plugins)) o.plugins.forEach(client.use);
  chain(() => emit('ready'));
  return client;
}
