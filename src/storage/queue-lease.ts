/**
 * A cross-tab lease in localStorage for browsers without the Web Locks API: the value
 * `<owner>|<expiry>` under `key`. `lease(true)` takes or renews it (false while another
 * tab holds it); `lease(false)` lets it go. The holder renews it (heartbeat) while it
 * works; a lease past its expiry belongs to nobody, so a closed or frozen tab blocks
 * others for at most `ttl` ms. Without localStorage there is nothing to share: taking
 * succeeds.
 */
export const createLease = (key: string, owner: string, ttl: number): (take: boolean) => boolean => {
  const holder = (): string[] => (localStorage.getItem(key) || '').split('|');
  return (take) => {
    try {
      const [who, until] = holder();
      if (!take) return who === owner && (localStorage.removeItem(key), true);
      if (who && who !== owner && +until! > Date.now()) return false;
      localStorage.setItem(key, `${owner}|${Date.now() + ttl}`);
      // Read back: of two tabs writing at once, the last write wins.
      return holder()[0] === owner;
    } catch {
      return true;
    }
  };
};
