/**
 * Error codes of the capture plugins, listed in docs/errors.md (## capture). Every one is
 * reported through `client.reportError` with `source: 'sdk'` and `detail.plugin`; none
 * stops the other plugins or the page.
 */
export const CAPTURE_ERRORS = {
  /** A capture listener, observer or timer callback threw; the event it was handling is lost. */
  listenerFailed: 'capture/listener-failed',
  /** history.pushState/replaceState could not be wrapped; SPA navigations are not seen. */
  historyPatchFailed: 'capture/history-patch-failed',
  /** A selector in a `denySelectors` option is not valid CSS; it is ignored. */
  invalidSelector: 'capture/invalid-selector',
  /** web-vitals could not start (no PerformanceObserver, or it threw). */
  vitalsFailed: 'capture/vitals-failed',
} as const;

/** One of the capture error codes. */
export type CaptureErrorCode = (typeof CAPTURE_ERRORS)[keyof typeof CAPTURE_ERRORS];
