import type { Plugin, SightlineClient } from '../../types';
import { addListener, type ListenerOptions } from '../../lib/add-listener';
import { guard } from '../../lib/guard';
import { LISTENER_FAILED, type CaptureErrorCode } from '../errors';

/**
 * What a capture plugin holds while it runs: the client, and every listener, timer and
 * observer it started, so `teardown()` takes all of them back.
 */
export interface Scope {
  readonly client: SightlineClient;
  /** Wraps `fn` so a throw is reported (never thrown into the page) and calls after stop are ignored. */
  safe<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  /** Adds a guarded, passive listener that stop() removes. */
  on<E extends Event>(target: EventTarget | null | undefined, type: string, fn: (event: E) => void, options?: ListenerOptions): void;
  /** A guarded setTimeout that stop() clears; returns its cancel function. */
  later(fn: () => void, ms: number): () => void;
  /** Registers a function stop() calls (observers, patches); returns its unregister function. */
  add(stop: () => void): () => void;
  /** Reports a problem with a capture code. */
  report(code: CaptureErrorCode, error: unknown): void;
  stop(): void;
}

/** Creates the scope of one plugin run. */
export function createScope(client: SightlineClient, plugin: string): Scope {
  const stops = new Set<() => void>();
  let live = true;
  const report = (code: CaptureErrorCode, error: unknown): void =>
    client.reportError({ code, message: error instanceof Error ? error.message : String(error), detail: { plugin } });
  const safe = <A extends unknown[]>(fn: (...args: A) => unknown) =>
    guard((...args: A) => live && fn(...args), (error) => report(LISTENER_FAILED, error));
  const add = (stop: () => void): (() => void) => (stops.add(stop), () => void stops.delete(stop));
  return {
    client,
    safe,
    add,
    report,
    on: (target, type, fn, options) => void add(addListener(target, type, safe(fn), options)),
    later(fn, ms) {
      // Fired or cancelled, a timer leaves the stop list: thousands of scroll throttles must not pile up.
      const id = setTimeout(safe(() => (drop(), fn())), ms);
      const drop = add(() => clearTimeout(id));
      return () => (clearTimeout(id), drop());
    },
    stop() {
      live = false;
      stops.forEach((stop) => stop());
      stops.clear();
    },
  };
}

/**
 * Builds a capture plugin: `start` runs at setup with a fresh scope (only where a DOM
 * exists: on a server every plugin is a no-op), and teardown stops everything it started.
 */
export function capturePlugin(name: string, start: (scope: Scope) => void): Plugin {
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
}
