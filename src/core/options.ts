import type { ConsentOptions, IdentityOptions, PrivacyOptions, SightlineOptions } from '../types';
import type { SanitizeLimits } from './sanitize';

/** Options with defaults filled in, wrong types replaced, nested objects copied once. */
export interface Resolved {
  options: Readonly<SightlineOptions>;
  consent: ConsentOptions;
  privacy: PrivacyOptions;
  identity: IdentityOptions & { cookieDays: number };
  limits: SanitizeLimits & { ratePerName: number };
}

/** The defaults of `limits` (see LimitOptions). */
export const DEFAULT_LIMITS = {
  maxStringLength: 8192,
  maxDepth: 10,
  // 32 KB: a few events still fit the 64 KB budget of a keepalive fetch or sendBeacon.
  maxEventBytes: 32768,
  // 50 per name per 10 s: far above any real shopper, far below a runaway loop.
  ratePerName: 50,
  // Identity cookie lifetime in days (IdentityOptions).
  cookieDays: 365,
};

const copy = <T>(v: unknown): T => ({ ...Object(v) });

/**
 * Resolves what the caller passed to `createSightline`, which may be anything at all. The
 * copies are read once here, so a hostile getter fails now (falling back to the defaults)
 * and not in the middle of an event.
 */
export function resolveOptions(input: unknown): Resolved {
  try {
    const options = copy<SightlineOptions>(input);
    const given = { ...copy<object>(options.limits), ...copy<object>(options.identity) } as Record<string, unknown>;
    const limits = { ...DEFAULT_LIMITS };
    for (const [key, fallback] of Object.entries(limits)) {
      const v = given[key];
      limits[key as keyof typeof limits] = typeof v == 'number' && v >= 0 ? v : fallback;
    }
    return { options, consent: copy(options.consent), privacy: copy(options.privacy), identity: { ...copy(options.identity), cookieDays: limits.cookieDays }, limits };
  } catch {
    return resolveOptions(0);
  }
}
