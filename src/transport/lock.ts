import { createLease } from '../storage/queue-lease';
import { HEARTBEAT_MS, LEASE_MS, LEASE_SETTLE_MS } from './constants';

/**
 * Runs `fn` (which never rejects) if no other tab is sending; resolves false (without
 * running it) otherwise, or when the tab lost the lock while `fn` ran. `fn` asks `ours()`
 * before each request: false means another tab sends now, so it stops.
 */
export type TabLock = (fn: (ours: () => boolean) => Promise<void>) => Promise<boolean>;

const always = () => true;

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
  return async (fn) => {
    try {
      return await navigator.locks.request(name, { ifAvailable: true }, async (lock) => !!lock && (await fn(always), true));
    } catch {
      // No Web Locks here, or the browser refused them (SecurityError): the lease. (`fn`
      // never rejects, so this is never a second run of it.)
    }
    if (!lease(true)) return false;
    await new Promise((settle) => setTimeout(settle, LEASE_SETTLE_MS));
    if (!lease(true)) return false;
    let held = true;
    const ours = () => (held &&= lease(true));
    const heartbeat = setInterval(ours, HEARTBEAT_MS);
    await fn(ours);
    clearInterval(heartbeat);
    lease(false);
    return held;
  };
};
