import type { ConsentState, IdentityOptions, Properties, SightlineClient } from '../types';
import { uuid } from '../lib/uuid';
import { getCookie, setCookie } from '../storage/cookie';
import { readStorage, writeStorage } from '../storage/web-storage';
import type { Hooks } from './hooks';
import { isName } from './validate';

/** The identity as `client.user()` returns it. */
export type User = ReturnType<SightlineClient['user']>;

/** Who the visitor is; stored only while analytics consent allows. */
export interface Identity {
  /** A copy of the current identity. */
  user(): User;
  /**
   * Segment semantics: traits merge unless the user id changes; the anonymous id stays.
   * Returns a copy of the traits now. The caller calls `undo()` as soon as it knows the event
   * is dropped (before reporting it), or fires `identify` once the event was passed on.
   */
  identify(userId: string | undefined, traits: Properties): Properties;
  /** Puts back the user id and traits from before the last `identify` (its event was dropped). */
  undo(): void;
  /** A new anonymous id, no user id, no traits. Fires `reset`. */
  reset(): void;
}

/**
 * Restores the identity: the anonymous id from the `<prefix>_aid` cookie (which wins) or the
 * `<prefix>_user` localStorage record, else a new UUID; the user id and traits from that
 * record. Values another script (or an old version) may have written are taken only when
 * sane; the traits pass through `clean` (the sanitizer and privacy rules of every call's
 * traits, anything but an object becoming {}). Saving right away repairs whichever copy was
 * missing and renews the cookie's lifetime. The other tabs' writes are taken up as they
 * happen. Granting analytics (the `consent` hook) stores the in-memory identity; withdrawing
 * it, or `reset()` without it, deletes what is stored.
 */
export const createIdentity = (
  o: IdentityOptions & { cookieDays: number },
  hooks: Hooks,
  consent: () => ConsentState,
  clean: (traits: unknown) => Properties,
): Identity => {
  // A string, or the default: joining an object without a prototype to a string throws.
  const prefix = (typeof o.storagePrefix == 'string' && o.storagePrefix) || 'sl';
  const aid = prefix + '_aid';
  const key = prefix + '_user';
  let anonymousId: string;
  let userId: string | null;
  let traits: Properties;
  // Takes up the stored identity: at start, where the cookie's anonymous id wins over the
  // record's, and on a `storage` event (another tab changed localStorage), from the record
  // alone: it is what the event announces, while this renderer's copy of the cookies may not
  // have the other tab's write yet (Chromium).
  const load = (event?: unknown): void => {
    // On an event, `cookie` holds the event itself, no sane id: the record decides.
    const cookie = event || getCookie(aid);
    let stored: Partial<User> = {};
    // Read in place, inside the try though readStorage never throws: one name fewer (−3 B).
    try {
      stored = Object(JSON.parse(readStorage(key)!));
    } catch {
      // Corrupt: nothing stored.
    }
    // No stored id: a new one at start; later (another tab withdrew consent and deleted it)
    // the one in memory, while the user id and traits go with what was deleted.
    anonymousId = isName(cookie) ? cookie : isName(stored.anonymousId) ? stored.anonymousId : anonymousId || uuid();
    userId = isName(stored.userId) ? stored.userId : null;
    // Sanitized and redacted like the traits of a call: what is stored may not be ours.
    traits = clean(stored.traits);
  };
  load();
  // The user before the last identify: a dropped identify must change nothing.
  let last: [string | null, Properties];

  const user = (): User => ({ anonymousId, userId, traits: { ...traits } });

  // true: writes the ids and traits (cookie + localStorage) if storing is allowed now.
  // false: deletes whatever of ours is stored; the values stay in memory.
  const store = (write: boolean): void => {
    if (!write || consent().analytics) {
      setCookie(aid, write && anonymousId, o);
      // Sanitized traits: JSON.stringify cannot throw here.
      writeStorage(key, write && JSON.stringify(user()));
    }
  };
  store(true);
  // Another tab identified, reset or started at the same moment: its identity is the stored
  // one, taken up at once (a `storage` event fires in every other tab of the origin). Reading
  // `document.cookie` per event instead costs about 4 µs. Only our record's event: another
  // key's (or a clear()) would wipe the identify a tab without consent holds in memory alone.
  // Never removed: after destroy() it only updates what user() answers.
  try {
    addEventListener('storage', (event) => event.key != key || load(event));
  } catch {
    // No window (Node).
  }
  // Every consent change stores (analytics granted: the writes are idempotent) or deletes.
  hooks.on('consent', (c: ConsentState) => store(c.analytics));
  return {
    user,
    identify(id, t) {
      last = [userId, traits];
      // A different user starts without the traits of the last one.
      traits = { ...(userId && id && id != userId ? {} : traits), ...t };
      userId = id || userId;
      store(true);
      return { ...traits };
    },
    undo() {
      [userId, traits] = last;
      store(true);
    },
    reset() {
      anonymousId = uuid();
      userId = null;
      traits = {};
      // Without consent nothing is written, but the old user must not come back on reload.
      store(consent().analytics);
      hooks.emit('reset', { anonymousId });
    },
  };
};
