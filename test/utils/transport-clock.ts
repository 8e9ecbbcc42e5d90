import { afterEach, beforeEach, vi } from 'vitest';
import { installWebLocks } from './transport-locks';

/**
 * Fake timers (and both clocks: the wall clock and `performance.now()`) that leave
 * setImmediate and microtasks real: fake-indexeddb and the network mock schedule their
 * work there, and faking them would freeze both.
 */
export function useTransportClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
}

/**
 * The lifecycle every transport spec shares: {@link useTransportClock} and Web Locks (as
 * every current browser has them) before each test; real timers and an empty localStorage
 * (queues, spills, leases) after it. Specs of the localStorage lease, the fallback of
 * browsers without Web Locks, call {@link removeWebLocks} in their test.
 */
export function useTransportSpec(): void {
  beforeEach(() => {
    useTransportClock();
    installWebLocks();
  });
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });
}

/**
 * Lets real async work (IndexedDB, fetch through msw) run to its end without moving the
 * fake clock: both advance by setImmediate turns, and a send cycle needs well under
 * a hundred of them.
 */
export async function settle(rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Moves the fake clock by `ms`, letting real async work settle along the way. */
export async function elapse(ms: number, step = 100): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await vi.advanceTimersByTimeAsync(Math.min(step, ms - t));
    await settle();
  }
}
