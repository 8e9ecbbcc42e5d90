import type { EventContext, EventType, Properties, SightlineEvent } from '../types';
import { uuid } from '../lib/uuid';
import { INPUT_ERRORS as E } from './errors';
import { fitEvent } from './fit';
import type { Hooks } from './hooks';
import type { Identity } from './identity';
import type { Sanitizer, Scan } from './sanitize';
import { isName, toId } from './validate';

/** What the event-making calls need from the client. */
export interface CallDeps {
  id: Identity;
  /** Reads the context of a new event, adding its size bound to the scan. */
  context(scan: Scan): EventContext;
  clean: Sanitizer;
  /** `limits.maxEventBytes`. */
  max: number;
  /** Admits one event of a name, or refuses it (rate limit). */
  take(name: string): boolean;
  /** Hands a finished event on (to the consent gate). */
  pass(event: SightlineEvent): void;
  emit: Hooks['emit'];
  report: Hooks['report'];
}

/** The calls that make events (and `reset`); they take anything without throwing. */
export interface Calls {
  track(event: unknown, properties?: unknown): void;
  page(name?: unknown, properties?: unknown): void;
  identify(userId?: unknown, traits?: unknown): void;
  alias(newId: unknown, previousId?: unknown): void;
  reset(): void;
}

type Make = (scan: Scan, page?: unknown) => Partial<SightlineEvent>;

const isBag = (v: unknown): v is Properties => Object(v) === v && !Array.isArray(v);

/** Creates the calls: validate → rate limit → sanitize → envelope → size → consent gate. */
export function createCalls(d: CallDeps): Calls {
  const { id, emit, report } = d;
  const drop = (reason: string, event?: SightlineEvent): void => emit('drop', { event, reason });

  // Properties or traits: a plain object, sanitized; anything else becomes {} (reported).
  const bag = (v: unknown, scan: Scan, root: string): Properties => {
    const out = v == null ? {} : d.clean(v, scan, root);
    return isBag(out) ? out : ((scan.issues[E.invalidProperties] ||= root), {});
  };

  // Reports a bad name or id; the call is dropped unless `kept` (it goes on without it).
  const reject = (code: string, call: string, got: unknown, kept?: boolean): void => {
    report(code, { call, got: typeof got }, 'input');
    kept || drop(code);
  };

  function send(type: EventType, name: string | undefined, make: Make): void {
    if (!d.take(name || type)) return drop(E.rateLimited);
    const scan: Scan = { issues: {}, bytes: 0 };
    const context = d.context(scan);
    const fields = make(scan, context.page);
    const ev: SightlineEvent = {
      type,
      properties: {},
      anonymousId: id.anonymousId,
      userId: id.userId,
      ...fields,
      messageId: uuid(),
      timestamp: new Date().toISOString(),
      context,
    };
    const fits = fitEvent(ev, scan, d.max);
    for (const [code, path] of Object.entries(scan.issues)) report(code, { path, type, event: name }, 'input');
    fits ? d.pass(ev) : drop(E.tooLarge, ev);
  }

  return {
    track(event, properties) {
      if (!isName(event)) return reject(E.invalidName, 'track', event);
      send('track', event, (scan) => ({ event, properties: bag(properties, scan, 'properties') }));
    },
    page(name, properties) {
      if (isBag(name)) (properties = name), (name = undefined);
      // A bad page name is left out; the page view is kept.
      if (name != null && name !== '' && !isName(name)) reject(E.invalidName, 'page', name, true);
      const named = isName(name) ? { name } : {};
      // Segment semantics: properties default to the page's path, url, title, referrer and search.
      send('page', undefined, (scan, page) => ({
        ...named,
        properties: { ...(d.clean(page, scan, 'page') as Properties), ...named, ...bag(properties, scan, 'properties') },
      }));
    },
    identify(userId, traits) {
      if (isBag(userId)) (traits = userId), (userId = undefined);
      const uid = toId(userId);
      if (userId != null && !uid) return reject(E.invalidId, 'identify', userId);
      send('identify', undefined, (scan) => {
        id.identify(uid, bag(traits, scan, 'traits'));
        emit('identify', { userId: id.userId, traits: { ...id.traits } });
        return { traits: { ...id.traits } };
      });
    },
    alias(newId, previousId) {
      const to = toId(newId);
      if (!to) return reject(E.invalidId, 'alias', newId);
      if (previousId != null && !toId(previousId)) reject(E.invalidId, 'alias', previousId, true);
      const from = toId(previousId) || id.userId || id.anonymousId;
      send('alias', undefined, () => ({ userId: to, previousId: from }));
    },
    reset() {
      id.reset();
      emit('reset', { anonymousId: id.anonymousId });
    },
  };
}
