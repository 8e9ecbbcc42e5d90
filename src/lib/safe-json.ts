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

/** JSON.stringify that returns undefined instead of throwing (cycles, BigInt, hostile toJSON). */
export const stringifyJson = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
};
