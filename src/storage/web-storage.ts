/** The two synchronous Web Storage areas. */
export type StorageArea = 'localStorage' | 'sessionStorage';

type Areas = Record<StorageArea, Storage>;

// Even reading `window.localStorage` throws a SecurityError when storage is blocked (sandboxed
// iframes, "block all cookies"), and it is absent in Node: every access sits inside a try.

/** Reads a key; `null` when absent or when storage is unreachable. */
export function readStorage(key: string, area: StorageArea = 'localStorage'): string | null {
  try {
    return (globalThis as unknown as Areas)[area].getItem(key);
  } catch {
    return null;
  }
}

/**
 * Writes a key, or removes it when `value` is null. A full (QuotaExceededError) or blocked
 * storage is ignored: callers keep the value in memory.
 */
export function writeStorage(key: string, value: string | null, area: StorageArea = 'localStorage'): void {
  try {
    const s = (globalThis as unknown as Areas)[area];
    if (value == null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // Nothing to do: memory stays the source of truth.
  }
}
