/** The library version, sent in every event as `context.library.version`. */
export const VERSION = '0.1.0';
