import type { Scope } from './scope';
import { SETTLE_FALLBACK_MS } from '../constants';

// Shared by every plugin and client on the page: history is patched once, however many
// subscribe. The (unique, guarded) listeners, all called in one task when a navigation
// settles: whatever must come after the others (the new page view) defers itself.
const listeners = new Set<() => void>();
/** Restores history's methods; set while anyone subscribes. */
let restores: Array<() => void> | undefined;
let pending = false;

// settle() comes before its callers: brotli packs this order smaller (measured, as the import
// order in autocapture.ts).

/**
 * Calls every subscriber once the page has rendered what changed: after the next animation
 * frame plus a task (so effects that set `document.title` after a pushState have run), or
 * after {@link SETTLE_FALLBACK_MS} when no frame comes (hidden tab, no rAF), whichever is first.
 * Calls until then are one settle. The history wrappers and listeners call it; so does
 * the page-view plugin at start, for its first view.
 */
export const settle = (): void => {
  if (pending) return;
  pending = true;
  // `pending` is the once-flag: the later of the frame and the fallback finds it cleared.
  const run = (): void => {
    if (pending) {
      pending = false;
      listeners.forEach((fn) => fn());
    }
  };
  const timer = setTimeout(run, SETTLE_FALLBACK_MS);
  if (typeof requestAnimationFrame == 'function') {
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(run, 0);
    });
  }
};

/**
 * Calls `fn` after an SPA navigation (pushState, replaceState, popstate, hashchange) has
 * settled (the next frame has rendered it: {@link settle}), whatever changed: the
 * subscriber tells pages apart. Changes within one frame (a push then a redirecting
 * replace) are one navigation. `fn` is guarded by the scope, which also unsubscribes at
 * stop (the last one out restores history).
 */
export const onNavigation = (scope: Scope, fn: () => void): void => {
  const subscriber = scope.safe(fn);
  listeners.add(subscriber);
  // Every subscriber listens (settle() makes one settle of them); history is wrapped once.
  scope.on(window, 'popstate', settle);
  scope.on(window, 'hashchange', settle);
  restores ||= (['pushState', 'replaceState'] as const).map((method) => wrap(method, scope));
  scope.add(() => {
    listeners.delete(subscriber);
    // The last one out: whoever subscribed wrapped history, so restores is set.
    if (!listeners.size) {
      restores!.forEach((restore) => restore());
      restores = undefined;
    }
  });
};

/**
 * Calls `fn` when the current page view ends: `fn(false)` when the page may be going away
 * (hidden or pagehide; it may come back, so this can happen more than once), `fn(true)` on
 * an SPA navigation ({@link onNavigation}) to another path or query (a hash change or a
 * push of the same URL is not a new page) and on a restore from the back/forward cache
 * (the view that ended at pagehide is followed by a new one). The first view is the URL
 * of the first settle, as the page view names it: a URL the app rewrites before its first
 * frame (a router's redirect) is where the shopper landed, not a page left.
 */
export const onPageEnd = (scope: Scope, fn: (next: boolean) => void): void => {
  const key = (): string => location.pathname + location.search;
  // Empty until the first settle (started here) reads it.
  let page = '';
  // As the collector's page-exit listeners, through the scope's (one shape for every capture listener).
  scope.on(document, 'visibilitychange', () => document.visibilityState === 'hidden' && fn(false));
  scope.on(window, 'pagehide', () => fn(false));
  // Back or Forward restored the page from the cache: a new view begins (pageviews sends it).
  scope.on(window, 'pageshow', (event: PageTransitionEvent) => event.persisted && fn(true));
  onNavigation(scope, () => {
    if (page && page != key()) fn(true);
    page = key();
  });
  settle();
};

/**
 * Wraps history[method]. If another script wrapped it after us we cannot unwrap without
 * breaking theirs, so our wrapper goes quiet instead (and a later subscription wraps anew).
 * A failure is reported through the scope of the subscriber that wrapped.
 */
const wrap = (method: 'pushState' | 'replaceState', scope: Scope): () => void => {
  try {
    const original = history[method];
    let live = true;
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      // The page's own call keeps its result and its exceptions (e.g. a cross-origin URL).
      const result = original.apply(this, args);
      if (live) settle();
      return result;
    };
    history[method] = wrapper;
    return () => {
      live = false;
      if (history[method] == wrapper) history[method] = original;
    };
  } catch (error) {
    scope.report('capture/history-patch-failed', error);
    return () => {};
  }
};
