/**
 * A short, never-throwing description of anything thrown: its `message`, else itself as a
 * string. `String(x)` itself throws for objects without a prototype or with a hostile `toString`.
 */
export function describeError(error: unknown): string {
  try {
    const message = Object(error).message;
    return String(message == null ? error : message);
  } catch {
    return 'unknown error';
  }
}
