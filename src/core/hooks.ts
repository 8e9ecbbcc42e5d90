import type { ErrorSource, SightlineError } from '../types';

type Listener = (payload: unknown) => void;

/** Does nothing: the unsubscribe function of a listener that was never added. */
export const noop = (): void => {};

/** The client's listeners: lifecycle hooks and errors, kept apart from the host page. */
export interface Hooks {
  /** Subscribes `fn` to hook `name` ('error' for errors); returns the unsubscribe function. */
  on(name: string, fn: unknown): () => void;
  /** Calls every listener of `name` (and logs it in debug mode). */
  emit(name: string, payload?: unknown): void;
  /**
   * Logs a problem and hands it to the error listeners. Never throws. `message` may be
   * anything thrown (its message is taken); it defaults to the code itself, as the
   * transport's do; docs/errors.md explains each.
   */
  report(code: string, source?: ErrorSource, detail?: Record<string, unknown>, message?: unknown): void;
  /**
   * `client.reportError(report)` for plugins. It takes anything: a report without a string
   * code becomes `core/invalid-report`, a missing source `sdk` (a given one is passed on as
   * the plugin wrote it), and a message that is no string is described as a thrown value is.
   */
  reportError(report: unknown): void;
}

/**
 * Creates the listener registry. What the caller's own callbacks throw is reported as
 * theirs (`callback/failed`, source `user`), after DataDog's catchUserErrors; the depth
 * guard stops an error listener that always throws from looping forever. With `debug`,
 * every hook is logged with a `[sightline]` prefix: the one console output of sightline,
 * so nothing reaches a shop's console unless the shop asked for it.
 */
export const createHooks = (debug: unknown): Hooks => {
  // No prototype: a hook named like an Object.prototype member is a name like any other.
  const subs: Record<string, Listener[]> = Object.create(null);
  let depth = 0;

  const emit = (name: string, payload?: unknown): void => {
    try {
      if (debug) console.log('[sightline]', name, payload);
    } catch {
      // A console replaced by the page may throw; debug output is not worth breaking for.
    }
    for (const fn of subs[name] || [])
      try {
        fn(payload);
      } catch (error) {
        if (depth < 2) depth++, report('callback/failed', 'user', { hook: name }, error), depth--;
      }
  };

  function report(code: string, source: ErrorSource = 'sdk', detail?: Record<string, unknown>, message: unknown = code): void {
    const error: SightlineError = { code, message: 'unknown error', source };
    // Its `message`, else itself as a string: never throwing, though `String(x)` throws for
    // objects without a prototype or with a hostile `toString`.
    try {
      const m = Object(message).message;
      error.message = String(m == null ? message : m);
    } catch {
      // Left at 'unknown error'.
    }
    if (detail) error.detail = detail;
    emit('error', error);
  }

  const on = (name: string, fn: unknown): (() => void) => {
    if (typeof fn != 'function') return report('callback/invalid', 'input', { hook: name }), noop;
    // Untyped callers may pass anything: the key is its string form (a symbol throws).
    name = '' + name;
    subs[name] = (subs[name] || []).concat(fn as Listener);
    // Copy on write: a listener unsubscribing during emit does not skip its neighbour.
    return () => void (subs[name] = subs[name]!.filter((f) => f != fn)); // set just above, never deleted
  };

  return {
    on,
    emit,
    report,
    reportError(r) {
      const { code, message, source, detail } = Object(r) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      report(
        typeof code == 'string' && code ? code : 'core/invalid-report',
        source,
        Object(detail) === detail && detail,
        message,
      );
    },
  };
};
