import type { ConsentOptions, ConsentState, SightlineEvent } from '../types';
import { CONSENT_ERRORS } from './errors';

/** Holds or passes events by analytics consent. */
export interface ConsentGate {
  /** Passes the event on now, or holds / discards it while analytics is denied. */
  pass(event: SightlineEvent): void;
  /** Analytics was granted: passes the held events on, in order, with the consent now. */
  release(consent: ConsentState): void;
}

/** Events kept in memory while analytics is denied (`whileDenied: 'buffer'`). */
export const MAX_HELD_EVENTS = 1000;

/**
 * Creates the consent gate. While analytics is denied no event reaches a destination: it
 * waits in a bounded memory buffer (never in storage) or is discarded. `lost` hears every
 * event lost, and `code` only for the first of each denial, so the loss is reported once.
 */
export function createConsentGate(
  o: ConsentOptions,
  next: (event: SightlineEvent) => void,
  lost: (event: SightlineEvent, code?: string) => void,
): ConsentGate {
  let held: SightlineEvent[] = [];
  let noted = false;
  return {
    pass(ev) {
      const discard = o.whileDenied == 'discard';
      if (ev.context.consent.analytics) next(ev);
      else if (!discard && held.length < MAX_HELD_EVENTS) held.push(ev);
      else lost(ev, noted ? undefined : discard ? CONSENT_ERRORS.discarded : CONSENT_ERRORS.bufferFull), (noted = true);
    },
    release(consent) {
      const events = held;
      held = [];
      noted = false;
      for (const ev of events) (ev.context.consent = { ...consent }), next(ev);
    },
  };
}
