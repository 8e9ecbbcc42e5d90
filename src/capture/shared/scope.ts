import type { Plugin, SightlineClient } from '../../types';
import type { ListenerOptions } from '../../lib/add-listener';
import type { CaptureErrorCode } from '../errors';

/**
 * What a capture plugin holds while it runs: the client, and every listener, timer and
 * observer it started, so `teardown()` takes all of them back.
 */
export interface Scope {
  readonly client: SightlineClient;
  /** Wraps `fn` so a throw is reported (never thrown into the page) and calls after stop are ignored. */
  safe<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  /** Adds a guarded, passive listener that stop() removes. */
  on<E extends Event>(target: EventTarget, type: string, fn: (event: E) => void, options?: ListenerOptions): void;
  /** A guarded setTimeout that stop() clears; returns its cancel function. */
  later(fn: () => void, ms: number): () => void;
  /** Registers a function stop() calls (observers, patches); returns one that calls it now instead. */
  add(stop: () => void): () => void;
  /** Reports a problem with a capture code. */
  report(code: CaptureErrorCode, error: unknown): void;
  stop(): void;
}

/** Creates the scope of one plugin run. */
export const createScope = (client: SightlineClient, plugin: string): Scope => {
  const stops = new Set<() => void>();
  let live = true;
  // The core describes what was thrown (an Error's message, else the value as a string).
  const report = (code: CaptureErrorCode, error: unknown): void => client.reportError({ code, message: error, detail: { plugin } });
  // Capture callbacks are synchronous: a try is all the guarding they need.
  const safe =
    <A extends unknown[]>(fn: (...args: A) => unknown) =>
    (...args: A): void => {
      try {
        if (live) fn(...args);
      } catch (error) {
        report('capture/listener-failed', error);
      }
    };
  const add = (stop: () => void): (() => void) => {
    stops.add(stop);
    return () => {
      stops.delete(stop);
      stop();
    };
  };
  return {
    client,
    safe,
    add,
    report,
    on(target, type, fn, options) {
      // Not lib's addListener: the targets are always window or document, and inline it costs 26 B less.
      const listener = safe(fn) as EventListener;
      const opts = { passive: true, ...options };
      target.addEventListener(type, listener, opts);
      add(() => target.removeEventListener(type, listener, opts));
    },
    later(fn, ms) {
      // Fired or cancelled, a timer leaves the stop list: thousands of scroll throttles must not pile up.
      const id = setTimeout(safe(() => (cancel(), fn())), ms);
      const cancel = add(() => clearTimeout(id));
      return cancel;
    },
    stop() {
      live = false;
      stops.forEach((stop) => stop());
      stops.clear();
    },
  };
};

/**
 * Builds a capture plugin: `start` runs at setup with a fresh scope (only where a DOM
 * exists: on a server every plugin is a no-op), and teardown stops everything it started.
 */
export const capturePlugin = (name: string, start: (scope: Scope) => void): Plugin => {
  let scope: Scope | undefined;
  const teardown = (): void => {
    if (scope) scope.stop();
    scope = undefined;
  };
  return {
    name,
    setup(client) {
      teardown();
      scope = createScope(client, name);
      if (typeof document != 'undefined') scope.safe(start)(scope);
    },
    teardown,
  };
};
