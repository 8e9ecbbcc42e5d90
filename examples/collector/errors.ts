/**
 * Error codes the collector answers with, in the body `{ error: { code, message, index? } }`.
 * Stable: the SDK's tests and QA scripts match on them. Listed in docs/collector.md.
 */
export const CollectorErrorCode = {
  invalidJson: 'collector/invalid-json',
  invalidShape: 'collector/invalid-shape',
  invalidEvent: 'collector/invalid-event',
  missingMessageId: 'collector/missing-message-id',
  missingType: 'collector/missing-type',
  invalidType: 'collector/invalid-type',
  missingEventName: 'collector/missing-event-name',
  tooDeep: 'collector/too-deep',
  tooLarge: 'collector/too-large',
  invalidEncoding: 'collector/invalid-encoding',
  unsupportedEncoding: 'collector/unsupported-encoding',
  unsupportedMediaType: 'collector/unsupported-media-type',
  unauthorized: 'collector/unauthorized',
  originNotAllowed: 'collector/origin-not-allowed',
  hostNotAllowed: 'collector/host-not-allowed',
  invalidQuery: 'collector/invalid-query',
  notFound: 'collector/not-found',
  methodNotAllowed: 'collector/method-not-allowed',
  rateLimited: 'collector/rate-limited',
  unavailable: 'collector/unavailable',
  internal: 'collector/internal',
} as const;

/** One of the collector's error codes. */
export type CollectorErrorCode = (typeof CollectorErrorCode)[keyof typeof CollectorErrorCode];

/** A failure that becomes an HTTP answer: status, stable code, human message. */
export interface HttpFailure {
  readonly status: number;
  readonly code: CollectorErrorCode;
  readonly message: string;
  /** The position of the offending event in the batch, for per-event errors. */
  readonly index?: number;
  /** Extra response headers (Retry-After, Allow, WWW-Authenticate). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds an `HttpFailure` (a plain object, so it can be thrown or returned). */
export function httpFailure(
  status: number,
  code: CollectorErrorCode,
  message: string,
  extra: Pick<HttpFailure, 'index' | 'headers'> = {},
): HttpFailure {
  return { status, code, message, ...extra };
}

/** True for values built by `httpFailure` (checked where thrown values are caught). */
export function isHttpFailure(value: unknown): value is HttpFailure {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<HttpFailure>;
  return typeof candidate.status === 'number' && typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
