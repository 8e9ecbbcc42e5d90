/**
 * sightline — the npm "." entry: the core client and the collector transport.
 * Explicit named exports only; what is exported here is public API (docs/stability.md).
 *
 * @packageDocumentation
 */
export {
  CALLBACK_ERRORS,
  CONSENT_CATEGORIES,
  CONSENT_ERRORS,
  CORE_ERRORS,
  createSightline,
  INPUT_ERRORS,
  PLUGIN_ERRORS,
  VERSION,
  type CoreErrorCode,
} from './core';
export { collector, gzip, STORAGE_ERRORS, TRANSPORT_ERRORS } from './transport';
export type { CollectorOptions, TransportErrorCode } from './transport';
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
} from './types';
