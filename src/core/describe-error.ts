/**
 * A short, never-throwing description of anything thrown: `String(x)` itself throws for
 * objects without a prototype or with a hostile `toString`.
 */
export function describeError(error: unknown): string {
  try {
    return String((error as Error)?.message ?? error);
  } catch {
    return 'unknown error';
  }
}
