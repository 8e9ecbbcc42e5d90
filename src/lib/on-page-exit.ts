import { addListener } from './add-listener';

/** Why the page may be going away. */
export type PageExitReason = 'pagehide' | 'hidden';

/**
 * Calls `fn` when the page may be about to disappear: `visibilitychange` to hidden
 * (the last event reliably fired on mobile, where tabs are killed in the background)
 * and `pagehide` (desktop navigation and bfcache). `unload` is never used: it blocks
 * the back/forward cache and is unreliable on mobile.
 * See https://developer.chrome.com/docs/web-platform/page-lifecycle-api
 *
 * Both may fire for one exit; callers must be idempotent. Returns a stop function.
 */
export const onPageExit = (fn: (reason: PageExitReason) => void): () => void => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const stopVisibility = addListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') fn('hidden');
  });
  const stopPagehide = addListener(window, 'pagehide', () => fn('pagehide'));
  return () => {
    stopVisibility();
    stopPagehide();
  };
};
