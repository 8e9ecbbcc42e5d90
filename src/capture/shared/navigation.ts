import { addListener } from '../../lib/add-listener';
import { CAPTURE_ERRORS } from '../errors';
import { nextFrame } from './next-frame';
import type { Scope } from './scope';

/**
 * `leave` listeners run before `enter` listeners on every settled navigation, so
 * "Page Left" and "Form Abandoned" of the old page precede the new page view.
 */
export type NavigationPhase = 'leave' | 'enter';

interface Subscriber {
  fn: () => void;
  phase: NavigationPhase;
}

// Shared by every plugin and client on the page: history is patched once, however many subscribe.
const subscribers = new Set<Subscriber>();
let unwatch: (() => void) | undefined;
let pending = false;

/**
 * Calls `fn` after any SPA navigation (pushState, replaceState, popstate, hashchange) has
 * settled: changes within one frame (a push then a redirecting replace) are one call.
 * Listeners compare URLs themselves: a call does not promise the URL changed. `fn` is
 * guarded by the scope, which also unsubscribes at stop (the last one out restores history).
 */
export function onNavigation(scope: Scope, phase: NavigationPhase, fn: () => void): void {
  const subscriber = { fn: scope.safe(fn), phase };
  subscribers.add(subscriber);
  unwatch ??= watch((error) => scope.report(CAPTURE_ERRORS.historyPatchFailed, error));
  scope.add(() => {
    subscribers.delete(subscriber);
    if (!subscribers.size && unwatch) {
      unwatch();
      unwatch = undefined;
    }
  });
}

function signal(): void {
  if (pending) return;
  pending = true;
  nextFrame(() => {
    pending = false;
    for (const phase of ['leave', 'enter'] as const) {
      for (const subscriber of [...subscribers]) if (subscriber.phase === phase) subscriber.fn();
    }
  });
}

function watch(onPatchError: (error: unknown) => void): () => void {
  const stops = [addListener(window, 'popstate', signal), addListener(window, 'hashchange', signal)];
  for (const method of ['pushState', 'replaceState'] as const) stops.push(wrap(method, onPatchError));
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

/** The page as the engagement and form plugins see it: path and query, no hash. */
export const pageKey = (): string => location.pathname + location.search;
