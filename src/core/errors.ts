/**
 * Error codes of the core, listed in docs/errors.md. `code` is contract; messages are not.
 */

/** Problems with what the caller passed (source `input`); the event is repaired or dropped. */
export const INPUT_ERRORS = {
  /** A value referred to one of its own ancestors; replaced by '[Circular]'. */
  circular: 'input/circular',
  /** A BigInt, which JSON cannot hold; sent as its decimal string. */
  bigint: 'input/bigint',
  /** A function; removed. */
  function: 'input/function',
  /** A symbol; removed. */
  symbol: 'input/symbol',
  /** NaN or ±Infinity; sent as null. */
  notFinite: 'input/not-finite',
  /** A DOM node; replaced by its nodeName, such as 'DIV'. */
  domNode: 'input/dom-node',
  /** A getter or toJSON threw, or an object could not be read; the value is removed. */
  unreadable: 'input/unreadable',
  /** A string longer than `limits.maxStringLength`; truncated with '…'. */
  stringTruncated: 'input/string-truncated',
  /** Nesting deeper than `limits.maxDepth`; the deeper values are removed. */
  tooDeep: 'input/too-deep',
  /** The event was over `limits.maxEventBytes`; it was dropped. */
  tooLarge: 'input/too-large',
  /** An event or page name that is not a non-empty string of at most 200 characters. */
  invalidName: 'input/invalid-name',
  /** A user id or alias id that is not a non-empty string (or finite number) of at most 200 characters. */
  invalidId: 'input/invalid-id',
  /** Properties or traits that are not a plain object; replaced by {}. */
  invalidProperties: 'input/invalid-properties',
  /** More than the collector's `ratePerName` events of one name in 10 s; the excess was dropped (reported by the collector transport). */
  rateLimited: 'input/rate-limited',
} as const;

/** Consent problems (source `input` or `sdk`). */
export const CONSENT_ERRORS = {
  /** `consent.update()` got something other than booleans for known categories. */
  invalid: 'consent/invalid',
  /** More events than the buffer holds arrived while analytics was denied; the newest were dropped. */
  bufferFull: 'consent/buffer-full',
  /** Events were discarded because analytics is denied and `whileDenied` is 'discard'. */
  discarded: 'consent/discarded',
} as const;

/** Plugin problems (source `sdk`); the plugin is isolated, the others keep running. */
export const PLUGIN_ERRORS = {
  /** A stage (`detail.stage`) of a plugin (`detail.plugin`) threw or rejected. */
  failed: 'plugin/failed',
  /** A plugin's setup threw or rejected; the plugin was removed. */
  setupFailed: 'plugin/setup-failed',
  /** `use()` got something that is not a plugin object with a name. */
  invalid: 'plugin/invalid',
} as const;

/** Problems in the caller's own callbacks (source `user`). */
export const CALLBACK_ERRORS = {
  /** An `on()` / `onError()` listener threw; the SDK went on. */
  failed: 'callback/failed',
  /** `on()` / `onError()` got no function (an unknown lifecycle name is not checked: its listener never runs). */
  invalid: 'callback/invalid',
} as const;

/** Faults of the core itself (source `sdk`), and options it could not use (source `input`). */
export const CORE_ERRORS = {
  /** An unexpected exception inside sightline; the call was abandoned, the page unharmed. */
  failed: 'core/failed',
  /** `reportError()` was called without a string code. */
  invalidReport: 'core/invalid-report',
  /** A limit (or `identity.cookieDays`) given that is no number ≥ 0 (`detail.options` names them); each took its default. */
  invalidOption: 'core/invalid-option',
} as const;

type Values<T> = T[keyof T];

/** Every code the core reports. */
export type CoreErrorCode =
  | Values<typeof INPUT_ERRORS>
  | Values<typeof CONSENT_ERRORS>
  | Values<typeof PLUGIN_ERRORS>
  | Values<typeof CALLBACK_ERRORS>
  | Values<typeof CORE_ERRORS>;
