/** A capture listener, observer or timer callback threw; the event it was handling is lost. */
export const LISTENER_FAILED = 'capture/listener-failed';
/** history.pushState/replaceState could not be wrapped; SPA navigations are not seen. */
export const HISTORY_PATCH_FAILED = 'capture/history-patch-failed';
/** A selector in a `denySelectors` option is not valid CSS; it is ignored. */
export const INVALID_SELECTOR = 'capture/invalid-selector';
/** web-vitals could not start (no PerformanceObserver, or it threw). */
export const VITALS_FAILED = 'capture/vitals-failed';

/**
 * Error codes of the capture plugins, listed in docs/errors.md (## capture). Every one is
 * reported through `client.reportError` with `source: 'sdk'` and `detail.plugin`; none
 * stops the other plugins or the page. The plugins write the code itself, as the transport
 * does, and {@link CaptureErrorCode} checks it: esbuild inlines no string constant, and the
 * four as variables cost `autocapture()` 16 B. A bundle that never imports this table does
 * not carry it.
 */
export const CAPTURE_ERRORS = {
  listenerFailed: LISTENER_FAILED,
  historyPatchFailed: HISTORY_PATCH_FAILED,
  invalidSelector: INVALID_SELECTOR,
  vitalsFailed: VITALS_FAILED,
} as const;

/** One of the capture error codes. */
export type CaptureErrorCode = (typeof CAPTURE_ERRORS)[keyof typeof CAPTURE_ERRORS];
