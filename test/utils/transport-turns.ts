/**
 * Runs task turns (setImmediate, where fake-indexeddb and msw do their work) one at a
 * time until `done()` holds, and stops at the first turn where it does: the moment
 * between two steps of a send cycle (an answer read, its IndexedDB write not committed).
 */
export async function turnsUntil(done: () => boolean, limit = 1_000): Promise<void> {
  for (let i = 0; i < limit && !done(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition not reached');
}
