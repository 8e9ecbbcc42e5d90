import type { ConsentOptions, IdentityOptions, PrivacyOptions, SightlineOptions } from '../types';
import type { SanitizeLimits } from './sanitize';

/** Options with defaults filled in, wrong types replaced, nested objects copied once. */
export type Resolved = [
  options: Readonly<SightlineOptions>,
  consent: ConsentOptions,
  privacy: PrivacyOptions,
  identity: IdentityOptions & { cookieDays: number },
  limits: SanitizeLimits,
];

/** The defaults of `limits` (see LimitOptions). */
export const DEFAULT_LIMITS = {
  maxStringLength: 8192,
  maxDepth: 10,
  // 32 KB: a few events still fit the 64 KB budget of a keepalive fetch or sendBeacon.
  maxEventBytes: 32768,
  // Identity cookie lifetime in days (IdentityOptions).
  cookieDays: 365,
};

const copy = <T>(v: unknown): T => ({ ...Object(v) });

/**
 * Resolves what the caller passed to `createSightline`, which may be anything at all. The
 * copies are read once here, so a hostile getter fails now (falling back to the defaults)
 * and not in the middle of an event. A tuple: its names would survive minification.
 */
export function resolveOptions(input: unknown): Resolved {
  try {
    const o = copy<SightlineOptions>(input);
    const given = { ...copy<object>(o.limits), ...copy<object>(o.identity) } as Record<string, unknown>;
    const limits = { ...DEFAULT_LIMITS };
    for (const key in limits) {
      const v = given[key];
      if (typeof v == 'number' && v >= 0) limits[key as keyof typeof limits] = v;
    }
    return [o, copy(o.consent), copy(o.privacy), { ...copy<IdentityOptions>(o.identity), ...limits }, limits];
  } catch {
    return resolveOptions(0);
  }
}
