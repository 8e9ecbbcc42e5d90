import { addListener } from '../../lib/add-listener';
import { HISTORY_PATCH_FAILED } from '../errors';
import { nextFrame } from './next-frame';
import type { Scope } from './scope';

// Shared by every plugin and client on the page: history is patched once, however many
// subscribe. The (unique, guarded) listeners, all called in one task when a navigation
// settles: whatever must come after the others (the new page view) defers itself.
const listeners = new Set<() => void>();
let unwatch: (() => void) | undefined;
let pending = false;

/** The page as the engagement, form and commerce plugins see it: path and query, no hash. */
export const pageKey = (): string => location.pathname + location.search;

/**
 * Calls `fn` after an SPA navigation (pushState, replaceState, popstate, hashchange) has
 * settled (the next frame has rendered it: {@link nextFrame}) on another page, as `key`
 * tells pages apart (default {@link pageKey}: a hash change or a push of the same URL is
 * not a new page). Changes within one frame (a push then a redirecting replace) are one
 * navigation. `fn` is guarded by the scope, which also unsubscribes at stop (the last one
 * out restores history).
 */
export function onNavigation(scope: Scope, fn: () => void, key = pageKey): void {
  let page = key();
  const subscriber = scope.safe(() => page !== (page = key()) && fn());
  listeners.add(subscriber);
  unwatch ||= watch((error) => scope.report(HISTORY_PATCH_FAILED, error));
  scope.add(() => {
    listeners.delete(subscriber);
    if (!listeners.size && unwatch) {
      unwatch();
      unwatch = undefined;
    }
  });
}

/**
 * Calls `fn` when the current page view ends: `fn(false)` when the page may be going away
 * (hidden or pagehide; it may come back, so this can happen more than once), `fn(true)` on
 * an SPA navigation to another page ({@link onNavigation}).
 */
export function onPageEnd(scope: Scope, fn: (next: boolean) => void): void {
  // As lib's onPageExit, through the scope's listeners (one shape for every capture listener).
  scope.on(document, 'visibilitychange', () => document.visibilityState === 'hidden' && fn(false));
  scope.on(window, 'pagehide', () => fn(false));
  onNavigation(scope, () => fn(true));
}

function signal(): void {
  if (pending) return;
  pending = true;
  nextFrame(() => {
    pending = false;
    listeners.forEach((fn) => fn());
  });
}

function watch(onPatchError: (error: unknown) => void): () => void {
  const stops = [addListener(window, 'popstate', signal), addListener(window, 'hashchange', signal), wrap('pushState', onPatchError), wrap('replaceState', onPatchError)];
  return () => stops.forEach((stop) => stop());
}

/**
 * Wraps history[method]. If another script wrapped it after us we cannot unwrap without
 * breaking theirs, so our wrapper goes quiet instead (and a later subscription wraps anew).
 */
function wrap(method: 'pushState' | 'replaceState', onPatchError: (error: unknown) => void): () => void {
  try {
    const original = history[method];
    let live = true;
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      // The page's own call keeps its result and its exceptions (e.g. a cross-origin URL).
      const result = original.apply(this, args);
      if (live) signal();
      return result;
    };
    history[method] = wrapper;
    return () => {
      live = false;
      if (history[method] === wrapper) history[method] = original;
    };
  } catch (error) {
    onPatchError(error);
    return () => {};
  }
}
