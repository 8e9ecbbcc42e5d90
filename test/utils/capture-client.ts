import { afterEach, beforeEach, vi } from 'vitest';
import { createContext } from '../../src/core/context';
import { createRedactor } from '../../src/core/privacy';
import type { ConsentState, ErrorReport, Plugin, Properties, SightlineClient, SightlineEvent, SightlineOptions } from '../../src/types';

// Every client withPlugins() made and the spec has not ended yet: useCaptureSpec() destroys them.
const live = new Set<FakeClient>();

/** A fake client's record of one track/page call, plus the event its enrich stages made. */
export interface RecordedCall {
  type: 'track' | 'page';
  event?: string;
  properties: Properties;
}

/** A minimal SightlineClient for plugin specs: records calls, runs `enrich` stages, reports errors. */
export interface FakeClient extends SightlineClient {
  calls: RecordedCall[];
  /** The events after every `before`/`enrich` stage of the plugins in use. */
  events: SightlineEvent[];
  errors: ErrorReport[];
  /** Properties of every `track` call named `event`. */
  tracked(event: string): Properties[];
  /** Properties of every `page` call. */
  pages(): Properties[];
  /** Names of every `track` call, in order. */
  names(): string[];
}

/**
 * Creates the fake client. Consent starts as `consent` (analytics granted by default);
 * `options` is what plugins read as `client.options`.
 */
export function createFakeClient(options: SightlineOptions = {}, consent: Partial<ConsentState> = {}): FakeClient {
  const plugins: Plugin[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let state: ConsentState = { necessary: true, analytics: true, personalization: true, fingerprinting: true, ...consent };
  const calls: RecordedCall[] = [];
  const events: SightlineEvent[] = [];
  const errors: ErrorReport[] = [];

  // The core's own context reader and redactor: the page as a real client's events carry it
  // (none without a DOM, as in the server specs).
  const readContext = createContext(createRedactor({ ...options, ...options.privacy }));
  const run = (call: RecordedCall): void => {
    calls.push(call);
    let event: SightlineEvent | null = {
      type: call.type,
      ...(call.event ? { event: call.event } : {}),
      properties: call.properties,
      anonymousId: 'anon',
      userId: null,
      messageId: `m${calls.length}`,
      timestamp: new Date().toISOString(),
      context: { page: readContext(state, { issues: {}, bytes: 0 }).page, library: { name: 'sightline', version: 'test' }, consent: { ...state } },
    };
    for (const stage of ['before', 'enrich'] as const) {
      for (const plugin of plugins) {
        if (!event) return;
        const out: unknown = plugin[stage]?.(event);
        if (out === null) event = null;
        else if (out && typeof out === 'object' && !('then' in out)) event = out as SightlineEvent;
      }
    }
    if (event) events.push(event);
  };

  const client: FakeClient = {
    calls,
    events,
    errors,
    tracked: (name) => calls.filter((c) => c.type === 'track' && c.event === name).map((c) => c.properties),
    pages: () => calls.filter((c) => c.type === 'page').map((c) => c.properties),
    names: () => calls.filter((c) => c.type === 'track').map((c) => c.event!),
    // A copy, as the core's sanitizer makes: what a plugin changes after the call is not sent.
    track: (event, properties = {}) => run({ type: 'track', event, properties: structuredClone(properties) }),
    page: (name, properties) => run({ type: 'page', properties: (typeof name === 'object' ? name : properties) ?? {} }),
    identify: () => {},
    alias: () => {},
    reset: () => {},
    flush: async () => {},
    on: (name, fn) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(fn as (payload: unknown) => void);
      return () => set.delete(fn as (payload: unknown) => void);
    },
    onError: () => () => {},
    async use(plugin) {
      plugins.push(plugin);
      await plugin.setup?.(client);
    },
    consent: {
      get: () => ({ ...state }),
      update(changes) {
        state = { ...state, ...changes };
        listeners.get('consent')?.forEach((fn) => fn({ ...state }));
      },
    },
    user: () => ({ anonymousId: 'anon', userId: null, traits: {} }),
    reportError: (report) => void errors.push(report),
    async destroy() {
      for (const plugin of plugins.splice(0)) await plugin.teardown?.();
    },
    options,
  };
  return client;
}

/** Creates a fake client with `plugins` set up, ready for a spec. */
export async function withPlugins(plugins: Plugin[], options?: SightlineOptions, consent?: Partial<ConsentState>): Promise<FakeClient> {
  const client = createFakeClient(options, consent);
  live.add(client);
  for (const plugin of plugins) await client.use(plugin);
  return client;
}

/** Options of {@link useCaptureSpec}. */
export interface CaptureSpecOptions {
  /** The page every test starts on (default `/`). */
  url?: string;
  /** Fake timers in every test (default true). */
  fakeTimers?: boolean;
}

/**
 * The life of every capture spec file: each test starts on `url` (with fake timers unless
 * told otherwise) and ends with every client {@link withPlugins} made destroyed, so no
 * plugin's listeners outlive the test that started them.
 */
export function useCaptureSpec({ url = '/', fakeTimers = true }: CaptureSpecOptions = {}): void {
  beforeEach(() => {
    if (fakeTimers) vi.useFakeTimers();
    // As capture-dom's resetUrl; not imported, so this file also loads without a DOM (server specs).
    window.history.replaceState(null, '', url);
  });
  afterEach(async () => {
    for (const client of live) await client.destroy();
    live.clear();
    // A navigation settle under way (a page-wide once-flag in shared/navigation) ends with
    // its test, as it would on a page: left pending, it would swallow the next test's.
    if (vi.isFakeTimers()) vi.runOnlyPendingTimers();
    vi.useRealTimers();
  });
}
