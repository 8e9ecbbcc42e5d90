import { MAX_TIMER_MS } from '../../lib/max-timer';
import type { Scope } from '../shared/scope';

/** The engaged-time options of `engagement()`. */
export interface EngagedClockOptions {
  /** Send "Page Engagement" every this many ms of engaged time; 0 turns heartbeats off. Default 15,000. */
  heartbeatMs?: number;
  /** Input older than this no longer counts as activity. Default 30,000. */
  idleMs?: number;
}

/** Engaged time of one page view. */
export interface EngagedClock {
  /** Engaged ms so far. */
  total(): number;
  /** The shopper did something while the page is visible. */
  active(): void;
  /** The page was hidden: engagement stops now. */
  hidden(): void;
  /** A new page view starts at zero. */
  reset(): void;
}

/**
 * Counts time that is both visible and active (input within `idleMs`) without ticking:
 * an engaged stretch opens on activity and closes at last activity + `idleMs` or when
 * hidden. One timer at most, armed for the next moment that matters (the idle deadline
 * or the next beat) and re-armed lazily, so mousemove only stores a timestamp. `onBeat`
 * gets the engaged ms and the beat number (1, 2, …).
 */
export const createEngagedClock = (
  later: Scope['later'],
  { idleMs, heartbeatMs }: EngagedClockOptions,
  onBeat: (engagedMs: number, beat: number) => void,
): EngagedClock => {
  // Delays from plain JavaScript: one that is no number from 0 to the longest a timer waits
  // (NaN, Infinity, a string) would spin the timer, so it takes its default. (A typeof test
  // first: converting an object without a prototype to a number throws.)
  const delay = (ms: unknown, fallback: number): number => (typeof ms == 'number' && ms >= 0 && ms <= MAX_TIMER_MS ? ms : fallback);
  idleMs = delay(idleMs, 30_000);
  heartbeatMs = delay(heartbeatMs, 15_000);
  let banked = 0;
  let since: number | undefined;
  let last = 0;
  let beats = 0;
  let cancel = (): void => {};
  const total = (): number => banked + (since === undefined ? 0 : Math.min(Date.now(), last + idleMs) - since);
  const beat = (): void => {
    const engaged = total();
    if (heartbeatMs && engaged >= (beats + 1) * heartbeatMs) onBeat(engaged, ++beats);
  };
  const close = (): void => {
    // A beat due at the very moment engagement ends still counts.
    beat();
    banked = total();
    since = undefined;
    cancel();
  };
  // Without heartbeats the idle deadline is the only moment (it is never more than idleMs away).
  const arm = (): void => {
    cancel = later(() => {
      beat();
      if (Date.now() - last >= idleMs) close();
      else arm();
    }, Math.min(last + idleMs - Date.now(), heartbeatMs ? (beats + 1) * heartbeatMs - total() : idleMs));
  };
  return {
    total,
    active() {
      // Input past the idle deadline whose timer has not run yet (a machine that slept
      // with the page visible): the stretch ended at the deadline, and a new one opens.
      if (since !== undefined && Date.now() - last >= idleMs) close();
      last = Date.now();
      if (since === undefined) {
        since = last;
        arm();
      }
    },
    hidden: close,
    reset() {
      close();
      banked = beats = 0;
    },
  };
};
