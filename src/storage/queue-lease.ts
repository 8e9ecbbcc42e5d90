/** A lease one tab holds in localStorage (see {@link createLease}). */
export interface Lease {
  /** Takes or renews the lease; false while another tab holds it. */
  acquire(): boolean;
  release(): void;
}

/**
 * A cross-tab lease in localStorage for browsers without the Web Locks API: the value
 * `<owner>|<expiry>` under `key`. The holder renews it (heartbeat) while it works; a
 * lease past its expiry belongs to nobody, so a closed or frozen tab blocks others for
 * at most `ttl` ms. Without localStorage there is nothing to share: acquire succeeds.
 */
export function createLease(key: string, owner: string, ttl: number): Lease {
  const holder = (): string[] => (localStorage.getItem(key) ?? '').split('|');
  return {
    acquire() {
      try {
        const [who, until] = holder();
        if (who && who !== owner && Number(until) > Date.now()) return false;
        localStorage.setItem(key, `${owner}|${Date.now() + ttl}`);
        // Read back: of two tabs writing at once, the last write wins.
        return holder()[0] === owner;
      } catch {
        return true;
      }
    },
    release() {
      try {
        if (holder()[0] === owner) localStorage.removeItem(key);
      } catch {
        // Nothing to release without localStorage.
      }
    },
  };
}
