import type { Plugin, SightlineClient } from '../../types';
import { addListener, type ListenerOptions } from '../../lib/add-listener';
import { guard } from '../../lib/guard';
import { CAPTURE_ERRORS, type CaptureErrorCode } from '../errors';

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
    guard((...args: A) => (live ? fn(...args) : undefined), (error) => report(CAPTURE_ERRORS.listenerFailed, error));
  const add = (stop: () => void): (() => void) => {
    stops.add(stop);
    return () => void stops.delete(stop);
  };
  return {
    client,
    safe,
    add,
    report,
    on: (target, type, fn, options) => void add(addListener(target, type, safe(fn), options)),
    later(fn, ms) {
      const id = setTimeout(safe(() => (stops.delete(cancel), fn())), ms);
      const cancel = (): void => (clearTimeout(id), void stops.delete(cancel));
      add(cancel);
      return cancel;
    },
    stop() {
      live = false;
      for (const stop of [...stops]) stop();
      stops.clear();
    },
  };
}

/** True where a DOM exists; plugins do nothing on a server. */
export const hasDom = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined';

/**
 * Builds a capture plugin: `start` runs at setup with a fresh scope (only where a DOM
 * exists), and teardown stops everything it started. Extra stages can be spread in.
 */
export function capturePlugin(name: string, start: (scope: Scope) => void): Plugin {
  let scope: Scope | undefined;
  return {
    name,
    setup(client) {
      scope?.stop();
      scope = createScope(client, name);
      if (hasDom()) scope.safe(start)(scope);
    },
    teardown() {
      scope?.stop();
      scope = undefined;
    },
  };
}
