// Even reading `window.localStorage` throws a SecurityError when storage is blocked (sandboxed
// iframes, "block all cookies"), and it is absent in Node: every access sits inside a try.

/** Reads a localStorage key; `null` when absent, `undefined` when storage is unreachable. */
export const readStorage = (key: string): string | null | undefined => {
  try {
    return localStorage.getItem(key);
  } catch {
    // Unreachable: nothing to read.
  }
};

/**
 * Writes a localStorage key, or removes it when `value` is empty (null, false or ''). A full
 * (QuotaExceededError) or blocked storage is ignored: callers keep the value in memory.
 */
export const writeStorage = (key: string, value: string | null | false): void => {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Nothing to do: memory stays the source of truth.
  }
};
