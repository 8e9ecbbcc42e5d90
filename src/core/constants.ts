/**
 * The core's numbers, in a module without imports that `dist/esm` builds as a chunk of its
 * own (rollup.config.mjs): esbuild, the bundler size-limit measures with, inlines top-level
 * number constants only from such a module.
 */

/** Longest event name, page name, plugin name or id accepted, in characters (collectors index these). */
export const MAX_NAME_LENGTH = 200;

/** Events kept in memory while analytics is denied (`whileDenied: 'buffer'`). */
export const MAX_HELD_EVENTS = 1000;

// A number counts 24 bytes in the upper bound and is 1 byte at least, so the real JSON is at
// least bound / 24: past maxEventBytes × 24 nothing can fit, and walking stops (bounded work).
export const SIZE_RATIO = 24;
