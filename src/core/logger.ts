/** The one console output of sightline: `log(kind, data)`, silent unless `debug` is on. */
export type Logger = (kind: string, data?: unknown) => void;

/**
 * Returns the prefixed debug logger, or a no-op: nothing reaches the console of a
 * shop's page unless the shop asked for it.
 */
export function createLogger(debug: boolean): Logger {
  if (!debug) return () => {};
  return (kind, data) => {
    try {
      console[kind === 'error' ? 'warn' : 'log']('[sightline]', kind, data);
    } catch {
      // A console replaced by the page may throw; debug output is not worth breaking for.
    }
  };
}
