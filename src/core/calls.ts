import type { EventType, PageContext, Properties, SightlineEvent } from '../types';
import { byteLength } from '../lib/byte-length';
import { isoTime } from '../lib/iso-time';
import { uuid } from '../lib/uuid';
import type { Consent } from './consent';
import { createContext } from './context';
import type { Hooks } from './hooks';
import { createIdentity, type Identity } from './identity';
import type { Resolved } from './options';
import { createRedactor } from './privacy';
import { createSanitizer, note, type Scan } from './sanitize';
import { isBag, isName, toId } from './validate';

/** The calls that make events (and `reset`); they take anything without throwing. */
export interface Calls extends Pick<Identity, 'user'> {
  track(event: unknown, properties?: unknown): void;
  page(name?: unknown, properties?: unknown): void;
  identify(userId?: unknown, traits?: unknown): void;
  alias(newId: unknown, previousId?: unknown): void;
  reset(): void;
}

/** Sanitizes properties, traits or the page into the event being made; anything else becomes {} (reported). */
type Bag = (value: unknown, root: string) => Properties;
type Make = (bag: Bag, page?: PageContext) => Partial<SightlineEvent>;

/**
 * Creates the calls (validate → sanitize → envelope → size → consent gate) and the identity
 * they carry, whose `user()` they expose.
 */
export const createCalls = (options: Resolved, hooks: Hooks, consent: Consent): Calls => {
  const { emit, report } = hooks;
  const drop = (reason: string, event?: SightlineEvent): void => emit('drop', { event, reason });
  const redact = createRedactor(options);
  const context = createContext(redact);
  const clean = createSanitizer(options, redact);
  // Sanitizes properties, traits or the page; anything but an object becomes {} (noted).
  const toBag = (scan: Scan): Bag => (v, root) => {
    const out = clean(v ?? {}, scan, root);
    return isBag(out) ? out : note(scan, 'invalid-properties', root, {})!;
  };
  // A scan of its own per read: the identity reads the stored traits again when another tab stores them.
  const id = createIdentity(options, hooks, consent.get, (traits) => toBag({ issues: {}, bytes: 0 })(traits, 'traits'));

  // Reports a bad name or id; the call is dropped unless `kept` (it goes on without it).
  const reject = (code: string, call: string, got: unknown, kept?: boolean): void => {
    report(code, 'input', { call, got: typeof got });
    if (!kept) drop(code);
  };

  // Truthy when the event was passed on, falsy when it was dropped as too large.
  function send(type: EventType, make: Make): unknown {
    const scan: Scan = { issues: {}, bytes: 0 };
    const bag = toBag(scan);
    const timestamp = isoTime(Date.now());
    const c = context(consent.get(), scan);
    // Made first: identify() changes the user id the envelope carries.
    const fields = make(bag, c.page);
    const { anonymousId, userId } = id.user();
    const ev: SightlineEvent = {
      type,
      properties: {},
      anonymousId,
      userId,
      ...fields,
      messageId: uuid(),
      timestamp,
      context: c,
    };
    // `scan.bytes` bounds the size from above: only an event that may be too large is encoded.
    // Not for identify, whose traits merge with earlier ones the scan never saw; and an event
    // the sanitizer stopped walking (too large) is dropped whole, not sent cut. Everything in
    // it is sanitized, so JSON.stringify cannot throw. The limit is read where it is compared:
    // written out twice it packs smaller than a variable (−8 B of the core; brotli).
    const fits =
      !scan.issues['too-large'] &&
      ((type != 'identify' && scan.bytes <= options.maxEventBytes) ||
        byteLength(JSON.stringify(ev)) <= options.maxEventBytes ||
        note(scan, 'too-large', 'event'));
    // A dropped identify changes nothing, already for what its reports and drop tell listeners.
    fits || type == 'identify' && id.undo();
    for (const [code, path] of Object.entries(scan.issues)) report('input/' + code, 'input', { path, type, event: fields.event });
    fits ? consent.pass(ev) : drop('input/too-large', ev);
    return fits;
  }

  return {
    user: id.user,
    track(event, properties) {
      if (!isName(event)) return reject('input/invalid-name', 'track', event);
      send('track', (bag) => ({ event, properties: bag(properties, 'properties') }));
    },
    page(name, properties) {
      if (isBag(name)) (properties = name), (name = undefined);
      let named = {};
      if (isName(name)) named = { name: redact(name) };
      // A bad page name is left out; the page view is kept.
      else if (name != null && name !== '') reject('input/invalid-name', 'page', name, true);
      // Segment semantics: properties default to the page's path, url, title, referrer and search.
      send('page', (bag, page) => ({ ...named, properties: { ...bag(page, 'page'), ...named, ...bag(properties, 'properties') } }));
    },
    identify(userId, traits) {
      if (isBag(userId)) (traits = userId), (userId = undefined);
      const uid = toId(userId);
      if (userId != null && !uid) return reject('input/invalid-id', 'identify', userId);
      // Once its event was passed on: an event an `identify` listener makes comes after it.
      // Dropped as too large, it changes nothing (send undoes it): kept, its traits would make
      // every later identify too large.
      send('identify', (bag) => ({ traits: id.identify(uid, bag(traits, 'traits')) })) && emit('identify', id.user());
    },
    alias(newId, previousId) {
      const to = toId(newId);
      const from = toId(previousId);
      if (!to) return reject('input/invalid-id', 'alias', newId);
      if (previousId != null && !from) reject('input/invalid-id', 'alias', previousId, true);
      const { userId, anonymousId } = id.user();
      send('alias', () => ({ userId: to, previousId: from || userId || anonymousId }));
    },
    reset: id.reset,
  };
};
