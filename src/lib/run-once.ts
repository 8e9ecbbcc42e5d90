/**
 * Wraps `fn` so it runs at most once; later calls return the first result.
 * Used for work tied to one-off moments (first page exit, first consent).
 */
export const runOnce = <A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R => {
  let done = false;
  let result: R;
  return (...args: A): R => {
    if (!done) {
      done = true;
      result = fn(...args);
    }
    return result;
  };
};
