import type { Plugin } from '../../types';
import { onPageExit } from '../../lib/on-page-exit';
import { capturePlugin } from '../shared/scope';
import { onNavigation, pageKey } from '../shared/navigation';
import { createEngagedClock } from './engaged-clock';
import { reachMilestones, scrollDepth, SCROLL_MILESTONES } from './scroll-depth';

/** Options of {@link engagement}. */
export interface EngagementOptions {
  /** Send "Page Engagement" every this many ms of engaged time; 0 turns heartbeats off. Default 15,000. */
  heartbeatMs?: number;
  /** Input older than this no longer counts as activity. Default 30,000. */
  idleMs?: number;
  /** Scroll depth milestones in percent. Default 25, 50, 75, 100. */
  milestones?: readonly number[];
}

/** Scroll is measured at most this often: never work per frame while the shopper scrolls. */
const SCROLL_THROTTLE_MS = 250;
/** Inputs that mean the shopper is there. Each only stores a timestamp. */
const ACTIVITY = ['pointerdown', 'keydown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Engagement of each page view: "Scroll Depth" once per milestone, "Page Engagement"
 * heartbeats of engaged (visible and active) time, and "Page Left" with dwell time,
 * engaged time and maximum scroll depth when the page is hidden, left, or replaced by an
 * SPA navigation (once per page view).
 */
export function engagement(options: EngagementOptions = {}): Plugin {
  return capturePlugin('engagement', (scope) => {
    const track: typeof scope.client.track = (event, properties) => scope.client.track(event, properties);
    const milestones = options.milestones ?? SCROLL_MILESTONES;
    // Depth starts at 0, not measured now: the SDK may start before the page has rendered.
    const fresh = () => ({ key: pageKey(), path: location.pathname, startedAt: Date.now(), maxDepth: 0, reached: new Set<number>(), left: false });
    let page = fresh();
    const clock = createEngagedClock({
      idleMs: options.idleMs ?? 30_000,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      later: scope.later,
      onBeat: (engagedTimeMs, heartbeat) => track('Page Engagement', { path: page.path, engagedTimeMs, heartbeat }),
    });
    const active = (): void => {
      if (document.visibilityState !== 'hidden') clock.active();
    };
    let measuring = false;
    const measure = (): void => {
      measuring = false;
      for (const depth of reachMilestones(page, milestones)) track('Scroll Depth', { path: page.path, depth });
    };
    const leave = (): void => {
      if (page.left) return;
      page.left = true;
      page.maxDepth = Math.max(page.maxDepth, scrollDepth().depth);
      track('Page Left', { path: page.path, dwellTimeMs: Date.now() - page.startedAt, engagedTimeMs: clock.total(), maxScrollDepth: page.maxDepth });
    };

    for (const type of ACTIVITY) scope.on(document, type, active, { capture: true });
    scope.on(window, 'scroll', () => {
      active();
      if (measuring) return;
      measuring = true;
      scope.later(measure, SCROLL_THROTTLE_MS);
    });
    scope.on(document, 'visibilitychange', () => (document.visibilityState === 'hidden' ? clock.hidden() : active()));
    scope.add(onPageExit(scope.safe(leave)));
    onNavigation(scope, 'leave', () => {
      if (pageKey() === page.key) return;
      leave();
      clock.reset();
      page = fresh();
      active();
    });
    active();
  });
}
