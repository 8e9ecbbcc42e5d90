import type { Plugin, Properties } from '../../types';
import { capturePlugin } from '../shared/scope';
import { onNavigation, onPageEnd } from '../shared/navigation';
import { MAX_TIMER_MS } from '../../lib/max-timer';
import { scrollDepth, SCROLL_MILESTONES } from './scroll-depth';
import { SCROLL_THROTTLE_MS } from '../constants';

/** Options of {@link engagement}. */
export interface EngagementOptions {
  /** Scroll depth milestones in percent. Default 25, 50, 75, 100. */
  milestones?: readonly number[];
  /** Send "Page Engagement" every this many ms of engaged time; 0 turns heartbeats off. Default 15,000. */
  heartbeatMs?: number;
  /** Input older than this no longer counts as activity. Default 30,000. */
  idleMs?: number;
}

/**
 * Inputs that mean the shopper is there, and the page coming back into view. Each only
 * stores a timestamp (and is ignored while the page is hidden).
 */
const ACTIVITY = ['pointerdown', 'keydown', 'mousemove', 'wheel', 'touchstart', 'visibilitychange'];

/**
 * Engagement of each page view: "Scroll Depth" once per milestone, "Page Engagement"
 * heartbeats of engaged (visible and active) time, and "Page Left" with dwell time,
 * engaged time and maximum scroll depth when the page is hidden, left, or replaced by an
 * SPA navigation (once per page view).
 */
export const engagement = (options?: EngagementOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const o = Object(options) as EngagementOptions;
  const { milestones = SCROLL_MILESTONES } = o;
  return capturePlugin('engagement', (scope) => {
    // The page view: its path, start (0 once "Page Left" went out), deepest scroll (0 until
    // measured: the SDK may start before the page has rendered) and milestones sent.
    let path: string;
    let startedAt: number;
    let maxDepth: number;
    let reached: number[];
    // Cancels the throttled reading a scroll scheduled; unset when none is due.
    let measuring: (() => void) | undefined;
    const fresh = (): void => {
      path = location.pathname;
      startedAt = Date.now();
      maxDepth = 0;
      reached = [];
    };
    const track = (event: string, properties: Properties): void => scope.client.track(event, { path, ...properties });

    // Engaged time: time that is both visible and active (input within `idleMs`), counted
    // without ticking. An engaged stretch opens on activity and closes at last activity +
    // `idleMs` or when hidden. One timer at most, armed for the next moment that matters (the
    // idle deadline or the next beat) and re-armed lazily, so mousemove only stores a
    // timestamp. (In the plugin's scope rather than a module of its own: as an object of
    // methods it cost 34 B more.)
    // Delays from plain JavaScript: one that is no number from 0 to the longest a timer waits
    // (NaN, Infinity, a string) would spin the timer, so it takes its default. (A typeof test
    // first: converting an object without a prototype to a number throws.)
    const delay = (ms: unknown, fallback: number): number => (typeof ms == 'number' && ms >= 0 && ms <= MAX_TIMER_MS ? ms : fallback);
    const idleMs = delay(o.idleMs, 30_000);
    const heartbeatMs = delay(o.heartbeatMs, 15_000);
    // Engaged ms of closed stretches, the start of the open one, the last input, the beats sent.
    let banked = 0;
    let since: number | undefined;
    let last = 0;
    let beats = 0;
    let cancel = (): void => {};
    /** Engaged ms of this page view so far. */
    const total = (): number => banked + (since === undefined ? 0 : Math.min(Date.now(), last + idleMs) - since);
    const beat = (): void => {
      const engagedTimeMs = total();
      if (heartbeatMs && engagedTimeMs >= (beats + 1) * heartbeatMs) track('Page Engagement', { engagedTimeMs, heartbeat: ++beats });
    };
    /** Ends the open stretch (idle, or the page hidden or left). */
    const close = (): void => {
      // A beat due at the very moment engagement ends still counts.
      beat();
      banked = total();
      since = undefined;
      cancel();
    };
    // Without heartbeats the idle deadline is the only moment (it is never more than idleMs away).
    const arm = (): void => {
      cancel = scope.later(() => {
        beat();
        if (Date.now() - last >= idleMs) close();
        else arm();
      }, Math.min(last + idleMs - Date.now(), heartbeatMs ? (beats + 1) * heartbeatMs - total() : idleMs));
    };
    /** The shopper did something: counts only while the page is visible. */
    const active = (): void => {
      if (document.visibilityState === 'hidden') return;
      // Input past the idle deadline whose timer has not run yet (a machine that slept
      // with the page visible): the stretch ended at the deadline, and a new one opens.
      if (since !== undefined && Date.now() - last >= idleMs) close();
      last = Date.now();
      if (since === undefined) {
        since = last;
        arm();
      }
    };

    // The deepest scroll of the view: this reading (a live one without) or one before.
    const deeper = (depth = scrollDepth()[0]): number => (maxDepth = Math.max(maxDepth, depth));

    /** The throttled reading of a scroll: the deepest scroll, and the milestones it passed. */
    const measure = (): void => {
      measuring = undefined;
      const [depth, scrollable] = scrollDepth();
      deeper(depth);
      // A page that does not scroll reaches no milestone; a jump passes several, sent in order.
      // From plain JavaScript, one number counts as a list of one, and what is no number is
      // left out (null would be reached at once; an object without a prototype throws when compared).
      for (const milestone of [milestones].flat()) {
        if (typeof milestone == 'number' && scrollable && depth >= milestone && !reached.includes(milestone)) {
          reached.push(milestone);
          track('Scroll Depth', { depth: milestone });
        }
      }
    };

    fresh();
    for (const type of ACTIVITY) scope.on(document, type, active, { capture: true });
    scope.on(window, 'scroll', () => {
      active();
      measuring ||= scope.later(measure, SCROLL_THROTTLE_MS);
    });
    onPageEnd(scope, (next) => {
      // A scroll whose reading is still due belongs to the view that ends, never to the next.
      // Hidden or left, the page still shows that view: it is read now, its milestones sent
      // before "Page Left". After an SPA navigation the page has rendered the next view, so a
      // reading now would be of that one: it is dropped (as any reading after the navigation).
      if (measuring) {
        measuring();
        if (next) measuring = undefined;
        else measure();
      }
      // After an SPA navigation the page has rendered the next view: only what was measured
      // before counts for the one left.
      if (startedAt) track('Page Left', { dwellTimeMs: Date.now() - startedAt, engagedTimeMs: total(), maxScrollDepth: next ? maxDepth : deeper() });
      startedAt = 0;
      close();
      if (!next) return;
      // A new page view starts its engaged time at zero.
      banked = beats = 0;
      fresh();
      active();
    });
    // Each view is measured once it has rendered (a view left unscrolled was seen to the
    // depth of its first screen): after onPageEnd's listener, so on the next view. Its path
    // too: the landing view's may have been rewritten before the first frame (onPageEnd).
    onNavigation(scope, () => {
      path = location.pathname;
      deeper();
    });
    active();
  });
};
