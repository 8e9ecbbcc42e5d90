/**
 * A number flag of a command line, as the collector CLI and `npm start` read them: absent is
 * undefined; a value that is no number (`lots`, empty) throws an Error that says which flag.
 */
export function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${value}"`);
  return n;
}
