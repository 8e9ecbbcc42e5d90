/**
 * The core's public face: the client factory, and what plugin authors need (types, error
 * codes, consent categories, the version). Explicit named exports only.
 */
export { createSightline } from './client';
export { VERSION } from './version';
export { CONSENT_CATEGORIES } from './consent';
export { CALLBACK_ERRORS, CONSENT_ERRORS, CORE_ERRORS, INPUT_ERRORS, PLUGIN_ERRORS, type CoreErrorCode } from './errors';
export type {
  ConsentCategory,
  ConsentOptions,
  ConsentState,
  ErrorReport,
  ErrorSource,
  EventContext,
  EventStage,
  EventType,
  FlushReason,
  IdentityOptions,
  LifecycleMap,
  LifecycleName,
  LimitOptions,
  PageContext,
  Plugin,
  PrivacyOptions,
  Properties,
  QueueStats,
  SessionContext,
  SightlineClient,
  SightlineError,
  SightlineEvent,
  SightlineOptions,
} from '../types';
