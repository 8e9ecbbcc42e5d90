/** Error codes of the transport (docs/errors.md, `## transport`). Stats count drops by these. */
export const TRANSPORT_ERRORS = {
  /** The collector answered a non-retryable 4xx; the batch was dropped. `detail.status`, `detail.events`. */
  rejected: 'transport/rejected',
  /** The queue passed its bound; the oldest events were dropped. `detail.events`. */
  queueOverflow: 'transport/queue-overflow',
  /** One event alone is larger than `batch.maxBytes`; it was dropped. */
  tooLarge: 'transport/too-large',
  /** The `format` function threw; the batch was dropped. */
  formatFailed: 'transport/format-failed',
  /** The `compress` function threw or rejected; the batch went uncompressed. */
  compressFailed: 'transport/compress-failed',
  /** The transport itself failed unexpectedly (a bug): reported, never thrown into the page. */
  failed: 'transport/failed',
  /** At setup: options it could not use, such as a number outside its range, an unknown format or headers fetch would refuse (`detail.options` names them); each took its default. */
  invalidOption: 'transport/invalid-option',
  /** At page exit, events fit neither the beacon budget nor localStorage; they were lost. */
  exitLost: 'transport/exit-lost',
} as const;

/** One of {@link TRANSPORT_ERRORS}. */
export type TransportErrorCode = (typeof TRANSPORT_ERRORS)[keyof typeof TRANSPORT_ERRORS];
