// Even reading `window.localStorage` throws a SecurityError when storage is blocked (sandboxed
// iframes, "block all cookies"), and it is absent in Node: every access sits inside a try.

/** Reads a localStorage key; `null` when absent or when storage is unreachable. */
export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Writes a localStorage key, or removes it when `value` is null. A full (QuotaExceededError)
 * or blocked storage is ignored: callers keep the value in memory.
 */
export function writeStorage(key: string, value: string | null): void {
  try {
    if (value == null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing to do: memory stays the source of truth.
  }
}
