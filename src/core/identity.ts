import type { IdentityOptions, Properties } from '../types';
import { parseJson, stringifyJson } from '../lib/safe-json';
import { uuid } from '../lib/uuid';
import { getCookie, setCookie } from '../storage/cookie';
import { readStorage, writeStorage } from '../storage/web-storage';
import { isName } from './validate';

/** Who the visitor is; `save()` stores only while `canStore()` (analytics consent) allows. */
export interface Identity {
  anonymousId: string;
  userId: string | null;
  traits: Properties;
  /** Writes the ids and traits (cookie + localStorage) if storing is allowed now. */
  save(): void;
  /** Deletes whatever of ours is stored; the values stay in memory. */
  forget(): void;
  /** Segment semantics: traits merge unless the user id changes; the anonymous id stays. */
  identify(userId: string | undefined, traits: Properties): void;
  /** A new anonymous id, no user id, no traits. */
  reset(): void;
}

/**
 * Restores the identity: the anonymous id from the `<prefix>_aid` cookie (which wins) or its
 * localStorage mirror of the same name, else a new UUID; the user id and traits from the
 * `<prefix>_user` localStorage key. Saving right away repairs whichever copy was missing and
 * renews the cookie's lifetime.
 */
export function createIdentity(o: IdentityOptions & { cookieDays: number }, canStore: () => boolean): Identity {
  const prefix = o.storagePrefix || 'sl';
  const aid = prefix + '_aid';
  const user = prefix + '_user';
  // Values another script (or an old version) may have written: only sane ones are taken.
  const ok = (v: unknown): string | undefined => (isName(v) ? v : undefined);
  const cookie = getCookie(aid);
  const mirror = readStorage(aid);
  const json = readStorage(user);
  const stored = parseJson<Partial<Identity>>(json, {}) || {};
  const traits = stored.traits;
  // Whether anything of ours is stored: a visitor who never consented gets no write, not even a delete.
  let kept = !!(cookie || mirror || json);

  const id: Identity = {
    anonymousId: ok(cookie) || ok(mirror) || uuid(),
    userId: ok(stored.userId) || null,
    traits: traits && typeof traits == 'object' && !Array.isArray(traits) ? traits : {},
    save() {
      if (!canStore()) return;
      kept = true;
      setCookie(aid, id.anonymousId, o);
      writeStorage(aid, id.anonymousId);
      writeStorage(user, stringifyJson({ userId: id.userId, traits: id.traits })!);
    },
    forget() {
      if (kept) setCookie(aid, null, o), writeStorage(aid, null), writeStorage(user, null);
      kept = false;
    },
    identify(userId, t) {
      if (id.userId != null && userId && userId != id.userId) id.traits = {};
      id.traits = { ...id.traits, ...t };
      if (userId) id.userId = userId;
      id.save();
    },
    reset() {
      id.anonymousId = uuid();
      id.userId = null;
      id.traits = {};
      // Without consent nothing is written, but the old user must not come back on reload.
      canStore() ? id.save() : id.forget();
    },
  };
  id.save();
  return id;
}
