import { createLease } from '../storage/queue-lease';
import { HEARTBEAT_MS, LEASE_MS, LEASE_SETTLE_MS } from './constants';

/**
 * Runs `fn` (which never rejects) if no other tab is sending; resolves false (without
 * running it) otherwise, or when the tab lost the lock (or let it go) while `fn` ran. `fn`
 * asks `ours()` before each request: false means another tab sends now, so it stops.
 */
export interface TabLock {
  (fn: (ours: () => boolean) => Promise<void>): Promise<boolean>;
  /**
   * Lets go of the lock now, if this tab holds it (at `pagehide`, whatever `fn` is doing):
   * `ours()` answers false from then on. A page frozen in the
   * back/forward cache while it holds a Web Lock is evicted from the cache as soon as
   * another page of the site asks for that lock (Chromium: WebLocksContention), and the
   * shopper's Back then loads it anew.
   */
  release(): void;
}

/**
 * One sender at a time across the tabs of an origin: the Web Locks API where present
 * (released by the browser even if the tab crashes), else — or where it refuses, as in
 * sandboxed iframes — a localStorage lease renewed by a heartbeat while `fn` runs. Never
 * waits for a busy lock: a busy lock means another tab is sending, and it sends every tab's
 * events.
 *
 * The lease is only as strong as localStorage between tabs, and tabs in other processes see
 * each other's writes a little late: two tabs writing at once both read their own value
 * back. So a tab takes the lease, lets the writes of the others arrive, and holds it only
 * if its value is still the one stored; and it gives up as soon as a renewal finds another
 * tab's lease (a frozen tab that woke after its lease ran out, a write that arrived late).
 */
export const createLock = (name: string, owner: string): TabLock => {
  const lease = createLease(`${name}:lease`, owner, LEASE_MS);
  // Lets go of the lock this tab holds now (see TabLock.release).
  let release = (): void => {};
  const lock = async (fn: (ours: () => boolean) => Promise<void>): Promise<boolean> => {
    let held = true;
    let work: Promise<void> | undefined;
    try {
      // Held until `fn` is done, or until released: the callback's promise settles then,
      // and the browser frees the lock while `fn` goes on (it stops at its next `ours()`).
      await navigator.locks.request(name, { ifAvailable: true }, (lock) =>
        lock && new Promise((free) => {
          release = () => free((held = false));
          (work = fn(() => held)).then(free);
        }),
      );
      // (`work` never rejects.)
      return !!work && (await work, held);
    } catch {
      // No Web Locks here, or the browser refused them (SecurityError): the lease. (`fn`
      // never rejects, so this is never a second run of it.)
    }
    if (!lease(true)) return false;
    // Let go at pagehide from here on, while the writes of the others arrive too: a page that
    // leaves then would otherwise keep every other tab (and the next page) from sending
    // until its lease runs out.
    release = () => ((held = false), lease(false));
    const ours = () => (held &&= lease(true));
    await new Promise((settle) => setTimeout(settle, LEASE_SETTLE_MS));
    if (!ours()) return false;
    const heartbeat = setInterval(ours, HEARTBEAT_MS);
    await fn(ours);
    clearInterval(heartbeat);
    lease(false);
    return held;
  };
  return Object.assign(lock, { release: () => release() });
};
