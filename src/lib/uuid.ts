/**
 * A random RFC 4122 version-4 UUID. Uses crypto.randomUUID where present (secure
 * contexts), else crypto.getRandomValues, else Math.random as a last resort: ids
 * only need to be unique, not secret.
 */
export function uuid(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  try {
    return c!.randomUUID();
  } catch {
    // No crypto, or no randomUUID outside secure contexts (or it throws there): build one.
  }
  // The template's 4 is the version; each 0 and 1 becomes a random hex digit, and the 8
  // one of 8, 9, a, b (the RFC 4122 variant bits).
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (x) =>
    (+x ^ ((c && c.getRandomValues ? c.getRandomValues(new Uint8Array(1))[0]! : Math.random() * 256) & (15 >> (+x / 4)))).toString(16),
  );
}
