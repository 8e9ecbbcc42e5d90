import type { Plugin } from '../types';
import { capturePlugin } from './shared/scope';
import { collapse } from './shared/element-text';
import { MAX_MESSAGE, MINUTE_MS } from './constants';

/** Options of {@link errors}. */
export interface ErrorsOptions {
  /** Most "Page Error" events per minute. Default 10. */
  maxPerMinute?: number;
  /** Messages to ignore (e.g. /ResizeObserver loop/). Default none. */
  ignore?: RegExp[];
}

/**
 * The page's own uncaught errors and unhandled promise rejections as "Page Error" events
 * (`message`, `errorName`, `source`, `line`, `col`, `type`). Rate-limited to
 * `maxPerMinute`; the same error (message + place) is sent once per minute however often
 * it happens. Not part of `autocapture()` unless asked for: many shops already have an
 * error monitor.
 */
export const errors = (options?: ErrorsOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { maxPerMinute: max, ignore = [] } = Object(options) as ErrorsOptions;
  // A number from plain JavaScript, or the default: NaN or a string would lift the limit.
  const maxPerMinute = typeof max == 'number' && max >= 0 ? max : 10;
  return capturePlugin('errors', (scope) => {
    const recent = new Map<string, number>();
    const send = (type: string, error: unknown, message: string, file?: string, line = 0, col = 0): void => {
      const text = collapse(message, MAX_MESSAGE);
      const now = Date.now();
      // The path of the script only: its host, query or hash may carry tokens.
      let source = '';
      try {
        source = file ? new URL(file, location.href).pathname : '';
      } catch {
        // Not a URL: no source.
      }
      const key = [text, source, line, col].join('|');
      recent.forEach((at, seen) => now - at >= MINUTE_MS && recent.delete(seen));
      // One pattern from plain JavaScript counts as a list of one; what is not a RegExp matches nothing.
      // (`search`, not `test`: a /g or /y pattern's `test` starts where it last matched.)
      if ([ignore].flat().some((pattern) => pattern instanceof RegExp && text.search(pattern) >= 0) || recent.has(key) || recent.size >= maxPerMinute) return;
      recent.set(key, now);
      // The typeof of what is no Error: `object` for `{ status: 500 }` and for null alike.
      const errorName = error instanceof Error ? error.name : typeof error;
      scope.client.track('Page Error', { type, errorName, message: text, source, line, col });
    };
    scope.on<ErrorEvent>(window, 'error', ({ error, message, filename, lineno, colno }) =>
      send('error', error, message || String(error == null ? '' : error), filename, lineno, colno),
    );
    scope.on<PromiseRejectionEvent>(window, 'unhandledrejection', ({ reason }) =>
      send('unhandledrejection', reason, reason instanceof Error ? reason.message : String(reason)),
    );
  });
};
