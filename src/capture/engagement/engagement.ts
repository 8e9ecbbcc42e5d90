import type { Plugin, Properties } from '../../types';
import { capturePlugin } from '../shared/scope';
import { onNavigation, onPageEnd, settle } from '../shared/navigation';
import { createEngagedClock, type EngagedClockOptions } from './engaged-clock';
import { scrollDepth, SCROLL_MILESTONES } from './scroll-depth';
import { SCROLL_THROTTLE_MS } from '../constants';

/** Options of {@link engagement}. */
export interface EngagementOptions extends EngagedClockOptions {
  /** Scroll depth milestones in percent. Default 25, 50, 75, 100. */
  milestones?: readonly number[];
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
    let measuring = false;
    const fresh = (): void => {
      path = location.pathname;
      startedAt = Date.now();
      maxDepth = 0;
      reached = [];
    };
    const track = (event: string, properties: Properties): void => scope.client.track(event, { path, ...properties });
    const clock = createEngagedClock(scope.later, o, (engagedTimeMs, heartbeat) => track('Page Engagement', { engagedTimeMs, heartbeat }));
    const active = (): void => {
      if (document.visibilityState !== 'hidden') clock.active();
    };
    // The deepest scroll of the view: this reading (a live one without) or one before.
    const deeper = (depth = scrollDepth()[0]): number => (maxDepth = Math.max(maxDepth, depth));

    fresh();
    for (const type of ACTIVITY) scope.on(document, type, active, { capture: true });
    scope.on(window, 'scroll', () => {
      active();
      if (measuring) return;
      measuring = true;
      scope.later(() => {
        measuring = false;
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
      }, SCROLL_THROTTLE_MS);
    });
    onPageEnd(scope, (next) => {
      // After an SPA navigation the page has rendered the next view: only what was measured
      // before counts for the one left.
      if (startedAt) track('Page Left', { dwellTimeMs: Date.now() - startedAt, engagedTimeMs: clock.total(), maxScrollDepth: next ? maxDepth : deeper() });
      startedAt = 0;
      if (!next) return clock.hidden();
      clock.reset();
      fresh();
      active();
    });
    // Each view is measured once it has rendered (a view left unscrolled was seen to the
    // depth of its first screen): after onPageEnd's listener, so on the next view.
    onNavigation(scope, deeper);
    settle();
    active();
  });
};
