/**
 * sightline's delivery: the `collector()` destination plugin. See docs/delivery.md.
 */
export { collector, createCollector } from './collector';
export { defaultSettings } from './settings';
export type { Collector } from './collector';
export { gzip } from './gzip';
export type { CollectorFormat, CollectorOptions, CollectorStats, FormatMeta, FormattedRequest } from './options';
export { TRANSPORT_ERRORS } from './errors';
export type { TransportErrorCode } from './errors';
export { STORAGE_ERRORS } from '../storage/queue-errors';
