import type { ConsentCategory, ConsentOptions, ConsentState } from '../types';

/** Every consent category, in a stable order. `necessary` is always granted. */
export const CONSENT_CATEGORIES = ['necessary', 'analytics', 'personalization', 'fingerprinting'] as const satisfies readonly ConsentCategory[];

/** The consent store of one client. */
export interface Consent {
  get(): ConsentState;
  /**
   * Applies the known categories given as booleans, calling `onChange` when the state
   * changed. Returns false when something was ignored (unknown key, non-boolean, a refusal
   * of `necessary`).
   */
  update(changes: unknown): boolean;
}

/**
 * Creates the consent store. When honoured and set, Global Privacy Control
 * (https://privacycg.github.io/gpc-spec/) or Do Not Track deny every category but
 * `necessary` for the life of the page: no `update()` can grant them.
 */
export function createConsent(o: ConsentOptions, onChange: (next: ConsentState, prev: ConsentState) => void): Consent {
  let forced = false;
  try {
    const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
    forced = (!!o.honorGlobalPrivacyControl && nav.globalPrivacyControl === true) || (!!o.honorDoNotTrack && nav.doNotTrack == '1');
  } catch {
    // No navigator (Node): nothing to honour.
  }
  const on = o.default != 'denied' && !forced;
  let state: ConsentState = { necessary: true, analytics: on, personalization: on, fingerprinting: on };
  let notify: typeof onChange = () => {};

  const update = (changes: unknown): boolean => {
    if (Object(changes) !== changes) return changes == null;
    let ok = true;
    const prev = state;
    state = { ...prev };
    for (const [key, value] of Object.entries(changes as object)) {
      if (typeof value == 'boolean' && CONSENT_CATEGORIES.includes(key as ConsentCategory) && (value || key != 'necessary'))
        state[key as ConsentCategory] = value && !forced;
      else ok = false;
    }
    state.necessary = true;
    if (CONSENT_CATEGORIES.some((c) => state[c] != prev[c])) notify({ ...state }, prev);
    return ok;
  };
  const store: Consent = { get: () => ({ ...state }), update };
  try {
    update(o.categories);
  } catch {
    // An unreadable `categories` option: the default stands.
  }
  notify = onChange;
  return store;
}
