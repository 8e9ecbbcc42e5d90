/**
 * The longest delay a browser timer takes (2^31 − 1 ms, ~24.8 days): a longer one, like
 * NaN, fires at once. Delays from options and from collectors stay within it, so a typo
 * or a far-off Retry-After never turns a timer into a tight loop.
 */
export const MAX_TIMER_MS = 2_147_483_647;
