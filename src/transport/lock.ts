import { createLease } from '../storage/queue-lease';
import { HEARTBEAT_MS, LEASE_MS } from './constants';

/** Runs `fn` (which never rejects) if no other tab is sending; resolves false (without running it) otherwise. */
export type TabLock = (fn: () => Promise<void>) => Promise<boolean>;

/**
 * One sender at a time across the tabs of an origin: the Web Locks API where present
 * (released by the browser even if the tab crashes), else — or where it refuses, as in
 * sandboxed iframes — a localStorage lease renewed by a heartbeat while `fn` runs. Never
 * waits: a busy lock means another tab is sending, and it sends every tab's events.
 */
export const createLock = (name: string, owner: string): TabLock => {
  const lease = createLease(`${name}:lease`, owner, LEASE_MS);
  return async (fn) => {
    try {
      return await navigator.locks.request(name, { ifAvailable: true }, async (lock) => !!lock && (await fn(), true));
    } catch {
      // No Web Locks here, or the browser refused them (SecurityError): the lease. (`fn`
      // never rejects, so this is never a second run of it.)
    }
    if (!lease(true)) return false;
    const heartbeat = setInterval(lease, HEARTBEAT_MS, true);
    await fn();
    clearInterval(heartbeat);
    lease(false);
    return true;
  };
};
