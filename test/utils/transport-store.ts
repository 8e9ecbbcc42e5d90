import type { Tier } from '../../src/storage/queue-kv';
import { idbTier } from '../../src/storage/idb';

/** Every record key a tier (or the chain) holds, oldest first. */
export const storedKeys = (tier: Tier): Promise<string[]> => tier((kv, done) => kv.all(false, undefined, done));

/** Every record key the IndexedDB queue `name` holds: what the next page would send. */
export const queuedIn = (name: string): Promise<string[]> => storedKeys(idbTier(name));
