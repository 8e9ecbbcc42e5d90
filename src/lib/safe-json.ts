/**
 * JSON.parse that returns `fallback` instead of throwing: stored values can be
 * corrupted by other scripts, extensions or an old SDK version.
 */
export const parseJson = <T,>(text: string | null | undefined, fallback: T): T => {
  if (typeof text !== 'string' || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

// Prototype.js before 1.7, still found on old shops, gives Array.prototype a toJSON that
// returns the array's JSON as a string, so JSON.stringify writes every list as a string
// ("[1, 2]" for [1,2]): products, the stored queue. A replacer sees what toJSON made
// of a value, and its holder still has the value itself: an array goes back in as it is,
// and is written as a list. Only while such a toJSON is there: a replacer slows every key.
function lists(this: Record<string, unknown>, key: string, value: unknown): unknown {
  return Array.isArray(this[key]) ? this[key] : value;
}

/**
 * JSON.stringify that writes arrays as lists whatever toJSON the page gave Array.prototype.
 * Throws where JSON.stringify does (cycles, BigInt, a throwing toJSON).
 */
export const toJson = (value: unknown): string => JSON.stringify(value, ([] as { toJSON?: () => unknown }).toJSON && lists);

/** {@link toJson} that returns undefined instead of throwing (cycles, BigInt, hostile toJSON). */
export const stringifyJson = (value: unknown): string | undefined => {
  try {
    return toJson(value);
  } catch {
    return undefined;
  }
};
