import { createLease } from '../storage/queue-lease';
import { HEARTBEAT_MS, LEASE_MS } from './constants';

/** Runs `fn` if no other tab is sending; resolves false (without running it) otherwise. */
export type TabLock = (fn: () => Promise<void>) => Promise<boolean>;

/**
 * One sender at a time across the tabs of an origin: the Web Locks API where present
 * (released by the browser even if the tab crashes), else — or where it refuses, as in
 * sandboxed iframes — a localStorage lease renewed by a heartbeat while `fn` runs. Never
 * waits: a busy lock means another tab is sending, and it sends every tab's events.
 */
export function createLock(name: string, owner: string): TabLock {
  const lease = createLease(`${name}:lease`, owner, LEASE_MS);
  const leased: TabLock = async (fn) => {
    if (!lease.acquire()) return false;
    const heartbeat = setInterval(lease.acquire, HEARTBEAT_MS);
    try {
      await fn();
      return true;
    } finally {
      clearInterval(heartbeat);
      lease.release();
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return leased;
  return async (fn) => {
    let ran = false;
    try {
      return await locks.request(name, { ifAvailable: true }, async (lock) => !!lock && ((ran = true), await fn(), true));
    } catch (error) {
      if (ran) throw error;
      return leased(fn); // the browser refused the lock itself (SecurityError)
    }
  };
}
