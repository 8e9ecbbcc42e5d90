import type { Plugin } from '../types';
import { capturePlugin } from './shared/scope';

/** Options of {@link errors}. */
export interface ErrorsOptions {
  /** Most "Page Error" events per minute. Default 10. */
  maxPerMinute?: number;
  /** Messages to ignore (e.g. /ResizeObserver loop/). Default none. */
  ignore?: RegExp[];
}

const MINUTE_MS = 60_000;
/** Longest message kept; the core then redacts emails, card numbers and secrets in it. */
const MAX_MESSAGE = 300;

/** The path of a script URL: no host, query or hash (they may carry tokens). */
function sourcePath(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url, location.href).pathname;
  } catch {
    return '';
  }
}

/**
 * The page's own uncaught errors and unhandled promise rejections as "Page Error" events
 * (`message`, `errorName`, `source`, `line`, `col`, `type`). Rate-limited to
 * `maxPerMinute`; the same error (message + place) is sent once per minute however often
 * it happens. Not part of `autocapture()` unless asked for: many shops already have an
 * error monitor.
 */
export function errors(options: ErrorsOptions = {}): Plugin {
  return capturePlugin('errors', (scope) => {
    const max = options.maxPerMinute ?? 10;
    const recent = new Map<string, number>();
    const send = (type: 'error' | 'unhandledrejection', error: unknown, message: string, place: { source?: string; line?: number; col?: number }): void => {
      const text = message.replace(/\s+/g, ' ').trim().slice(0, MAX_MESSAGE);
      if (options.ignore?.some((pattern) => pattern.test(text))) return;
      const now = Date.now();
      for (const [key, at] of recent) if (now - at >= MINUTE_MS) recent.delete(key);
      const source = sourcePath(place.source);
      const key = `${text}|${source}|${place.line}|${place.col}`;
      if (recent.has(key) || recent.size >= max) return;
      recent.set(key, now);
      const errorName = error instanceof Error ? error.name : typeof error === 'object' && error ? 'Object' : typeof error;
      scope.client.track('Page Error', { type, errorName, message: text, source, line: place.line ?? 0, col: place.col ?? 0 });
    };
    scope.on<ErrorEvent>(window, 'error', (event) =>
      send('error', event.error, event.message || String(event.error ?? ''), { source: event.filename, line: event.lineno, col: event.colno }),
    );
    scope.on<PromiseRejectionEvent>(window, 'unhandledrejection', (event) => {
      const reason: unknown = event.reason;
      send('unhandledrejection', reason, reason instanceof Error ? reason.message : String(reason), {});
    });
  });
}
