// What plain JavaScript may hand the recommend API, read the way its types describe.

/** Ids: a list as it is, one string or number as a one-item list, anything else as none. */
export const idList = (ids: unknown): readonly (string | number)[] =>
  Array.isArray(ids) ? ids : typeof ids == 'string' || typeof ids == 'number' ? [ids] : [];

/** A count: a whole number from 0 to `max` (Infinity gives `max`; NaN and what is no number, 0). */
export const countUpTo = (n: number, max: number): number => Math.min(max, Math.max(0, Math.floor(n) || 0));
