import type { ErrorSource, SightlineError } from '../types';
import { describeError } from './describe-error';
import { CALLBACK_ERRORS } from './errors';
import type { Logger } from './logger';

type Listener = (payload: unknown) => void;

/** The client's listeners: lifecycle hooks and errors, kept apart from the host page. */
export interface Hooks {
  /** Subscribes `fn` to hook `name` ('error' for errors); returns the unsubscribe function. */
  on(name: string, fn: unknown): () => void;
  /** Calls every listener of `name` (and logs it in debug mode). */
  emit(name: string, payload?: unknown): void;
  /**
   * Logs a problem and hands it to the error listeners. Never throws. The message defaults
   * to the words of the code ('input/too-large' → 'too large'); docs/errors.md explains each.
   */
  report(code: string, detail?: Record<string, unknown>, source?: ErrorSource, message?: string): void;
  /** Drops every listener (destroy). */
  clear(): void;
}

/**
 * Creates the listener registry. What the caller's own callbacks throw is reported as
 * theirs (`callback/failed`, source `user`), after DataDog's catchUserErrors; the depth
 * guard stops an error listener that always throws from looping forever.
 */
export function createHooks(log: Logger): Hooks {
  let subs: Record<string, Listener[]> = {};
  let depth = 0;

  const emit = (name: string, payload?: unknown): void => {
    log(name, payload);
    for (const fn of subs['$' + name] || [])
      try {
        fn(payload);
      } catch (error) {
        if (depth < 2) depth++, report(CALLBACK_ERRORS.failed, { hook: name }, 'user', describeError(error)), depth--;
      }
  };

  function report(code: string, detail?: Record<string, unknown>, source: ErrorSource = 'sdk', message = code.replace(/.*\/|-/g, ' ').trim()): void {
    const error: SightlineError = { code, message, source };
    if (detail) error.detail = detail;
    emit('error', error);
  }

  return {
    on(name, fn) {
      const key = '$' + name;
      if (typeof fn != 'function') return report(CALLBACK_ERRORS.invalid, { hook: name }, 'input'), () => {};
      subs[key] = [...(subs[key] || []), fn as Listener];
      // Copy on write: a listener unsubscribing during emit does not skip its neighbour.
      return () => void (subs[key] = (subs[key] || []).filter((f) => f != fn));
    },
    emit,
    report,
    clear: () => void (subs = {}),
  };
}
