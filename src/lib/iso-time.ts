// `Date#toISOString()` costs ~0.8 µs in Chromium, a fifth of a track() call, and the events
// of one second share its first 20 characters: they are formatted once per second.
/** The second (in ms since the epoch) of the last time formatted: it changes at most once a second. */
export let second: number | undefined;
let prefix: string;

/**
 * `new Date(ms).toISOString()` for a time from `Date.now()` (a whole, non-negative number
 * of milliseconds), ~8× faster: the date and time to the second come from a cache, only
 * the milliseconds are formatted.
 */
export const isoTime = (ms: number): string => {
  if (ms - (ms % 1e3) !== second) prefix = new Date((second = ms - (ms % 1e3))).toISOString();
  return prefix.slice(0, 20) + ((ms % 1e3) + 1e3 + 'Z').slice(1);
};
