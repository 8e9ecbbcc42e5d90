import { vi } from 'vitest';

/**
 * A Web Locks manager (happy-dom has none) with the one mode the transport uses:
 * exclusive, `ifAvailable`. Installs it as `navigator.locks`; counts grants and refusals.
 */
export function installWebLocks(): { granted: number; refused: number } {
  const held = new Set<string>();
  const counts = { granted: 0, refused: 0 };
  const locks = {
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) {
      if (held.has(name)) {
        if (!options.ifAvailable) throw new Error('this fake supports ifAvailable only');
        counts.refused++;
        return callback(null);
      }
      held.add(name);
      counts.granted++;
      try {
        return await callback({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
      }
    },
  } as unknown as LockManager;
  vi.spyOn(navigator, 'locks', 'get').mockReturnValue(locks);
  return counts;
}

/** A browser without the Web Locks API (before Safari 15.4, Firefox 96): tabs share the queue through the localStorage lease. */
export function removeWebLocks(): undefined {
  vi.spyOn(navigator, 'locks', 'get').mockReturnValue(undefined as unknown as LockManager);
  return undefined;
}
