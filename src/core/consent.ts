import type { ConsentCategory, ConsentOptions, ConsentState, SightlineEvent } from '../types';
import type { Hooks } from './hooks';
import { MAX_HELD_EVENTS } from './constants';

/** Every consent category, in a stable order. `necessary` is always granted. */
export const CONSENT_CATEGORIES = ['necessary', 'analytics', 'personalization', 'fingerprinting'] as const satisfies readonly ConsentCategory[];

/** The consent state of one client, and the gate events pass through. */
export interface Consent {
  get(): ConsentState;
  /**
   * Applies the known categories given as booleans, firing `consent` when the state changed.
   * Reports `consent/invalid` when something was ignored (unknown key, non-boolean, a refusal
   * of `necessary`).
   */
  update(changes: unknown): void;
  /** Passes the event on now, or holds / discards it while analytics is denied. */
  pass(event: SightlineEvent): void;
}

/**
 * Creates the consent store and gate. When honoured and set, Global Privacy Control
 * (https://privacycg.github.io/gpc-spec/) or Do Not Track deny every category but
 * `necessary` for the life of the page: no `update()` can grant them.
 *
 * While analytics is denied no event reaches `next`: it waits in a bounded memory buffer
 * (never in storage) or is discarded. Every event lost fires `drop`; the loss is reported
 * once per denial. Granting analytics passes the held events on, in order, with the
 * consent of that moment.
 */
export const createConsent = (o: ConsentOptions, { emit, report }: Hooks, next: (event: SightlineEvent) => void): Consent => {
  let forced: unknown;
  try {
    const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
    forced = (o.honorGlobalPrivacyControl && nav.globalPrivacyControl === true) || (o.honorDoNotTrack && nav.doNotTrack == '1');
  } catch {
    // No navigator (Node): nothing to honour.
  }
  // Strictly: `!=` would convert an object, and one without a prototype throws.
  const on = o.default !== 'denied' && !forced;
  let state: ConsentState = { necessary: true, analytics: on, personalization: on, fingerprinting: on };
  let held: SightlineEvent[] = [];
  let noted: unknown;

  // Reports `consent/invalid` when something was ignored. For the `categories` option that
  // is at creation, when nobody listens yet, nor to the `consent` hook: only the debug log hears.
  const update = (changes: unknown): void => {
    let ok = changes == null || Object(changes) === changes;
    const prev = state;
    state = { ...prev };
    for (const [key, value] of Object.entries(Object(changes))) {
      if (typeof value == 'boolean' && CONSENT_CATEGORIES.includes(key as ConsentCategory) && (value || key != 'necessary'))
        state[key as ConsentCategory] = value && !forced;
      else ok = false;
    }
    state.necessary = true;
    ok || report('consent/invalid', 'input');
    if (CONSENT_CATEGORIES.some((c) => state[c] != prev[c])) {
      // Held events first: they were called before anything a `consent` listener tracks.
      if (state.analytics && !prev.analytics) {
        noted = 0;
        for (const ev of held.splice(0)) (ev.context.consent = { ...state }), next(ev);
      }
      emit('consent', { ...state });
    }
  };
  try {
    update(o.categories);
  } catch {
    // An unreadable `categories` option: the default stands.
  }
  return {
    get: () => ({ ...state }),
    update,
    pass(ev) {
      const discard = o.whileDenied == 'discard';
      if (ev.context.consent.analytics) next(ev);
      else if (!discard && held.length < MAX_HELD_EVENTS) held.push(ev);
      else {
        noted || report(discard ? 'consent/discarded' : 'consent/buffer-full');
        noted = 1;
        emit('drop', { event: ev, reason: 'consent' });
      }
    },
  };
};
