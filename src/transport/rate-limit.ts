import { RATE_WINDOW_MS } from './constants';

/** Admits (true) or refuses (false) one event of a name, called at `time` (ms since the epoch). */
export type RateLimit = (name: string, time: number) => boolean;

/**
 * A token bucket per event name: `rate` events per 10 s, refilled continuously, so a
 * runaway loop on the page cannot flood the collector while real bursts pass. Time is the
 * events' own (when they were called), so events the consent gate held and releases at
 * once count as they came; it never runs backwards. The first refusal opens a window;
 * when it closes, `onExceeded(name, count)` reports the count once (the client ignores it
 * after destroy). A rate of 0 turns the limit off.
 */
export const createRateLimit = (rate: number, onExceeded: (name: string, dropped: number) => void): RateLimit => {
  // name → [tokens, last refill time, dropped in the open window]
  const buckets = new Map<string, number[]>();
  return (name, now) => {
    let b = buckets.get(name);
    if (!b) {
      // Random names must not grow memory forever: start over past 1,000 of them.
      if (buckets.size >= 1e3) buckets.clear();
      buckets.set(name, (b = [rate, now, 0]));
    }
    if (now > b[1]!) (b[0] = Math.min(rate, b[0]! + ((now - b[1]!) * rate) / RATE_WINDOW_MS)), (b[1] = now);
    if (!rate || b[0]! >= 1) return b[0]!--, true;
    if (!b[2]!++) {
      const t = setTimeout(() => {
        onExceeded(name, b[2]!);
        b[2] = 0;
      }, RATE_WINDOW_MS) as { unref?(): void };
      // In Node, a pending report must not keep the process alive.
      if (t.unref) t.unref();
    }
    return false;
  };
};
