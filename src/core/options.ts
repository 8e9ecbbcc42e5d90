import type { ConsentOptions, IdentityOptions, PrivacyOptions, SightlineOptions } from '../types';
import type { SanitizeLimits } from './sanitize';

/**
 * The nested option objects (consent, privacy, identity, limits) flattened into one, with
 * the limits filled in: their names never clash, so every part reads the keys it knows.
 */
export type Resolved = Readonly<SightlineOptions> & ConsentOptions & PrivacyOptions & IdentityOptions & SanitizeLimits & { cookieDays: number };

/** The defaults of `limits` (see LimitOptions). */
export const DEFAULT_LIMITS = {
  maxStringLength: 8192,
  maxDepth: 10,
  // 32 KB: a few events still fit the 64 KB budget of a keepalive fetch or sendBeacon.
  maxEventBytes: 32768,
  // Identity cookie lifetime in days (IdentityOptions).
  cookieDays: 365,
};

/**
 * Resolves what the caller passed to `createSightline`, which may be anything at all, into
 * one object: a copy of the options with the keys of the nested ones beside them (it is
 * also `client.options`). Everything is read once here, so a hostile getter fails now
 * (falling back to the defaults) and not in the middle of an event. A limit that is not a
 * number ≥ 0 takes its default, and unless it was left undefined its name is pushed to
 * `invalid` (the client reports them as `core/invalid-option`).
 */
export const resolveOptions = (input: unknown, invalid: string[]): Resolved => {
  try {
    // Spreading a primitive, null or undefined copies nothing: a wrong type is no option.
    const o = { ...(input as Record<string, object>) };
    const r: Record<string, unknown> = { ...o, ...o.consent, ...o.privacy, ...o.identity, ...o.limits };
    // Own keys only: a page that adds enumerable properties to Object.prototype is no bad option.
    for (const key of Object.keys(DEFAULT_LIMITS)) {
      const v = r[key];
      if (!(typeof v == 'number' && v >= 0)) {
        if (v !== undefined) invalid.push(key);
        r[key] = DEFAULT_LIMITS[key as keyof typeof DEFAULT_LIMITS];
      }
    }
    return r as unknown as Resolved;
  } catch {
    return resolveOptions(0, invalid);
  }
};
