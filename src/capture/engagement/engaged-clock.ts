import type { Scope } from '../shared/scope';

/** Options of {@link createEngagedClock}. */
export interface EngagedClockOptions {
  /** Input older than this no longer counts as activity. */
  idleMs: number;
  /** A beat every this many ms of engaged time (0: none). */
  heartbeatMs: number;
  onBeat(engagedMs: number, beat: number): void;
  later: Scope['later'];
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
 * hidden. Two timers at most (idle, next beat), re-armed lazily, so mousemove only
 * stores a timestamp.
 */
export function createEngagedClock(options: EngagedClockOptions): EngagedClock {
  const { idleMs, heartbeatMs, later } = options;
  let banked = 0;
  let since: number | undefined;
  let last = 0;
  let beats = 0;
  let cancelIdle = (): void => {};
  let cancelBeat = (): void => {};
  const end = (): number => Math.min(Date.now(), last + idleMs);
  const total = (): number => banked + (since === undefined ? 0 : end() - since);
  const beat = (): void => {
    const engaged = total();
    if (heartbeatMs && engaged >= (beats + 1) * heartbeatMs) options.onBeat(engaged, ++beats);
  };
  const close = (): void => {
    // A beat due at the very moment engagement ends (idle timer first) still counts.
    beat();
    if (since !== undefined) banked += end() - since;
    since = undefined;
    cancelIdle();
    cancelBeat();
  };
  const armIdle = (): void => {
    cancelIdle = later(() => (Date.now() - last >= idleMs ? close() : armIdle()), last + idleMs - Date.now());
  };
  const armBeat = (): void => {
    if (!heartbeatMs) return;
    cancelBeat = later(() => {
      beat();
      if (since !== undefined) armBeat();
    }, (beats + 1) * heartbeatMs - total());
  };
  return {
    total,
    active() {
      last = Date.now();
      if (since !== undefined) return;
      since = last;
      armIdle();
      armBeat();
    },
    hidden: close,
    reset() {
      close();
      banked = 0;
      beats = 0;
    },
  };
}
