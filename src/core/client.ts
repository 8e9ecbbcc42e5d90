import type { Plugin, SightlineClient, SightlineOptions } from '../types';
import { createCalls } from './calls';
import { createConsent } from './consent';
import { createConsentGate } from './consent-gate';
import { createContext } from './context';
import { describeError } from './describe-error';
import { CONSENT_ERRORS, CORE_ERRORS, INPUT_ERRORS } from './errors';
import { createHooks } from './hooks';
import { createIdentity } from './identity';
import { createLogger } from './logger';
import { resolveOptions } from './options';
import { runPipeline, type PipelineHooks } from './pipeline';
import { createPlugins, pluginFailed } from './plugins';
import { createRedactor } from './privacy';
import { publicReport } from './public-report';
import { createRateLimit } from './rate-limit';
import { createSanitizer } from './sanitize';

/**
 * Creates a sightline client. Neither this nor any method of the client ever throws:
 * problems reach `onError` listeners with a stable code (docs/errors.md).
 */
export function createSightline(options: SightlineOptions): SightlineClient {
  const { options: o, consent: co, identity: io, privacy, limits } = resolveOptions(options);
  const hooks = createHooks(createLogger(!!o.debug));
  const { emit, report } = hooks;
  const plugins: Plugin[] = [];
  let tail = Promise.resolve();
  let dead = false;
  let stopped: Promise<void> | undefined;

  const fault = (e: unknown): void => report(CORE_ERRORS.failed, undefined, 'sdk', describeError(e));
  // One promise step per call keeps events in order; a synchronous pipeline adds no other microtask.
  const chain = (fn: () => void | Promise<unknown>): Promise<void> =>
    (tail = tail.then(() => {
      try {
        const x = fn();
        if (x) return x.then(undefined, fault);
      } catch (e) {
        fault(e);
      }
    }));
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
  const pipe: PipelineHooks = {
    fail: (p, stage, e) => pluginFailed(report, p, stage, e),
    drop: (event, p) => emit('drop', { event, reason: 'plugin', plugin: p.name }),
    handoff: (ev) => emit('event', ev),
  };
  const gate = createConsentGate(
    co,
    (ev) => void chain(() => runPipeline(plugins, ev, pipe)),
    (event, code) => (code && report(code), emit('drop', { event, reason: 'consent' })),
  );
  const consent = createConsent(co, (next, prev) => {
    emit('consent', next);
    // Granting stores the in-memory identity and releases held events; revoking deletes what is stored.
    if (next.analytics != prev.analytics) next.analytics ? (identity.save(), gate.release(next)) : identity.forget();
  });
  const identity = createIdentity(io, () => consent.get().analytics);
  const redact = createRedactor(privacy);
  const context = createContext(redact);
  const limiter = createRateLimit(limits.ratePerName, (event, dropped) =>
    report(INPUT_ERRORS.rateLimited, { event, dropped }, 'input'),
  );
  const calls = createCalls({
    id: identity,
    context: (scan) => context(consent.get(), scan),
    clean: createSanitizer(limits, redact),
    max: limits.maxEventBytes,
    take: limiter.take,
    pass: gate.pass,
    emit,
    report,
  });
  const none = Promise.resolve();
  const client: SightlineClient = {
    track: safe(calls.track),
    page: safe(calls.page),
    identify: safe(calls.identify),
    alias: safe(calls.alias),
    reset: safe(calls.reset),
    reportError: safe((r) => publicReport(report, r)),
    on: safe(hooks.on, () => {}),
    onError: safe((fn) => hooks.on('error', fn), () => {}),
    use: safe((p) => manager.use(p), none),
    flush: safe(() => manager.each('flush'), none),
    destroy: () => ((dead = true), (stopped ||= manager.each('teardown').then(() => (hooks.clear(), limiter.stop())))),
    user: () => ({ anonymousId: identity.anonymousId, userId: identity.userId, traits: { ...identity.traits } }),
    consent: {
      get: consent.get,
      update: safe((c) => consent.update(c) || report(CONSENT_ERRORS.invalid, undefined, 'input')),
    },
    options: o,
  };
  const manager = createPlugins(client, plugins, { chain, report });
  if (o.onError) client.onError(o.onError);
  if (Array.isArray(o.plugins)) o.plugins.forEach(client.use);
  chain(() => emit('ready'));
  return client;
}
