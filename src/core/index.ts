/**
 * The core's face to the entries: the client factory, and what plugin authors need (error
 * codes, consent categories, the version). Public types live in src/types.ts and are
 * exported by src/index.ts. Explicit named exports only.
 */
export { createSightline } from './client';
export { VERSION } from './version';
export { CONSENT_CATEGORIES } from './consent';
export { CALLBACK_ERRORS, CONSENT_ERRORS, CORE_ERRORS, INPUT_ERRORS, PLUGIN_ERRORS, type CoreErrorCode } from './errors';
