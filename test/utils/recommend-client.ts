import type { ConsentState, ErrorReport, LifecycleMap, Properties, SightlineClient, SightlineEvent } from '../../src/types';

/** A fake client for recommender specs: `track` turns into an `event` lifecycle payload. */
export interface RecoClient extends SightlineClient {
  tracked: { event: string; properties: Properties }[];
  errors: ErrorReport[];
  /** Delivers an event to `on('event')` listeners as the pipeline would. */
  deliver(event: string, properties: Properties, extra?: { sessionId?: string; timestamp?: string }): void;
  /** Fires a lifecycle hook; `reset` also puts its anonymous id in use, as the core does. */
  fire<K extends keyof LifecycleMap>(name: K, payload: LifecycleMap[K]): void;
  /** Takes up another tab's identity, as the core does from storage: no hook fires. */
  adopt(anonymousId: string): void;
}

/** Creates the fake client; consent starts fully granted unless `consent` says otherwise. */
export function recoClient(consent: Partial<ConsentState> = {}): RecoClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let state: ConsentState = { necessary: true, analytics: true, personalization: true, fingerprinting: true, ...consent };
  const tracked: RecoClient['tracked'] = [];
  const errors: ErrorReport[] = [];
  let n = 0;
  let anonymousId = 'anon';
  const fire = (name: string, payload: unknown): void => listeners.get(name)?.forEach((fn) => fn(payload));
  const deliver: RecoClient['deliver'] = (event, properties, extra = {}) => {
    const e: SightlineEvent = {
      type: 'track',
      event,
      properties,
      anonymousId,
      userId: null,
      messageId: `m${++n}`,
      timestamp: extra.timestamp ?? new Date().toISOString(),
      context: { library: { name: 'sightline', version: 'test' }, consent: { ...state }, ...(extra.sessionId ? { session: { id: extra.sessionId } } : {}) },
    };
    fire('event', e);
  };
  const client: RecoClient = {
    tracked,
    errors,
    deliver,
    fire(name, payload) {
      if (name === 'reset') anonymousId = (payload as LifecycleMap['reset']).anonymousId;
      fire(name, payload);
    },
    adopt: (id) => void (anonymousId = id),
    track(event, properties = {}) {
      tracked.push({ event, properties });
      deliver(event, properties);
    },
    page: () => {},
    identify: () => {},
    alias: () => {},
    reset: () => {},
    flush: async () => {},
    on(name, fn) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(fn as (payload: unknown) => void);
      return () => void set.delete(fn as (payload: unknown) => void);
    },
    onError: () => () => {},
    async use(plugin) {
      await plugin.setup?.(client);
    },
    consent: {
      get: () => ({ ...state }),
      update(changes) {
        state = { ...state, ...changes };
        fire('consent', { ...state });
      },
    },
    user: () => ({ anonymousId, userId: null, traits: {} }),
    reportError: (report) => void errors.push(report),
    destroy: async () => {},
    options: {},
  };
  return client;
}
