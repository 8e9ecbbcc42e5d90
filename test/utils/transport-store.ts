import { LAST } from '../../src/storage/kv';
import type { Tier } from '../../src/storage/kv';

/** Every record key a tier (or the chain) holds, oldest first. */
export const storedKeys = (tier: Tier): Promise<string[]> => tier(false, (kv, done) => kv.all(false, '', LAST, undefined, done));
