/**
 * Wraps a callback so it never throws into its caller (usually the host page's
 * event loop): a throw, or a rejected promise, is passed to `onError` instead.
 */
export const guard = <A extends unknown[]>(
  fn: (...args: A) => unknown,
  onError: (error: unknown) => void,
): (...args: A) => void => {
  return (...args: A): void => {
    try {
      const result = fn(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, safely(onError));
      }
    } catch (error) {
      safely(onError)(error);
    }
  };
};

const safely = (onError: (error: unknown) => void): (error: unknown) => void => {
  return (error) => {
    try {
      onError(error);
    } catch {
      // The error reporter itself failed; there is nowhere left to report to.
    }
  };
};
