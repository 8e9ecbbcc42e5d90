import { recordBytes, recordCount } from '../storage/kv';
import type { QueueStore } from '../storage/kv';

/**
 * Keeps the shared queue within `maxEvents` and `maxBytes` by deleting the oldest
 * records (whole chunks); sizes come from the keys alone. Resolves with how many events
 * were kept and cut.
 */
export async function trim(store: QueueStore, maxEvents: number, maxBytes: number): Promise<{ kept: number; cut: number }> {
  const keys = await store.keys();
  let events = keys.reduce((sum, k) => sum + recordCount(k), 0);
  let bytes = keys.reduce((sum, k) => sum + recordBytes(k), 0);
  const total = events;
  let i = 0;
  for (; events > maxEvents || bytes > maxBytes; i++) (events -= recordCount(keys[i]!)), (bytes -= recordBytes(keys[i]!));
  if (i) await store.del(keys.slice(0, i));
  return { kept: events, cut: total - events };
}
