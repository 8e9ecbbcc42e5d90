/**
 * Public types of sightline. No runtime code lives here: every feature folder may
 * `import type` from this file without creating a dependency.
 *
 * The event envelope is a superset of the Segment spec, so Segment-compatible
 * collectors accept it unchanged. It is contract: see docs/stability.md.
 */

/** The four Segment call types sightline produces. */
export type EventType = 'track' | 'page' | 'identify' | 'alias';

/** Free-form properties or traits, sanitized to JSON by the core before plugins see them. */
export type Properties = Record<string, unknown>;

/** The consent categories a shop can ask for. `necessary` is always granted. */
export type ConsentCategory = 'necessary' | 'analytics' | 'personalization' | 'fingerprinting';

/** Whether each category is granted. */
export type ConsentState = Record<ConsentCategory, boolean>;

/** The page an event happened on (already redacted by the privacy rules). */
export interface PageContext {
  path: string;
  url: string;
  title: string;
  referrer: string;
  search: string;
}

/** The on-device session an event belongs to; `session/` adds live features to it. */
export interface SessionContext {
  id: string;
  [key: string]: unknown;
}

/** Context carried by every event. Plugins may add keys in their `enrich` stage. */
export interface EventContext {
  library: { name: 'sightline'; version: string };
  consent: ConsentState;
  page?: PageContext;
  locale?: string;
  timezone?: string;
  screen?: { width: number; height: number; density: number };
  userAgent?: string;
  campaign?: Record<string, string>;
  session?: SessionContext;
  [key: string]: unknown;
}

/** One event, as delivered to destinations. */
export interface SightlineEvent {
  type: EventType;
  /** The event name of a `track` call. */
  event?: string;
  /** The page name of a `page` call. */
  name?: string;
  properties: Properties;
  /** The traits of an `identify` call. */
  traits?: Properties;
  anonymousId: string;
  userId: string | null;
  /** The previous id of an `alias` call. */
  previousId?: string;
  /** Unique per event; collectors de-duplicate on it end to end. */
  messageId: string;
  /** ISO 8601 time of the call. */
  timestamp: string;
  /**
   * ISO 8601 time the event left the device, where a destination sets it on each event.
   * The built-in collector does not: it sets `sentAt` once per batch, beside `batch`.
   */
  sentAt?: string;
  context: EventContext;
}

/** Why a queue was flushed (stats and debugging). */
export type FlushReason = 'manual' | 'count' | 'bytes' | 'timer' | 'page-exit' | 'online' | 'retry' | 'start';

/** Where an error came from: the SDK itself, the caller's input, or the caller's own callback. */
export type ErrorSource = 'sdk' | 'input' | 'user' | 'network';

/**
 * What `onError` receives. `code` is stable and listed in docs/errors.md;
 * `message` is for humans and may change.
 */
export interface SightlineError {
  code: string;
  message: string;
  source: ErrorSource;
  /** Extra, JSON-safe facts (field path, plugin name, HTTP status, …). */
  detail?: Record<string, unknown>;
}

/** What a plugin passes to `client.reportError`. */
export type ErrorReport = Omit<SightlineError, 'source' | 'message'> & {
  source?: ErrorSource;
  /** A string, or anything thrown (an Error gives its `message`); it becomes the error's `message`. */
  message?: unknown;
};

/**
 * A plugin stage: return the (possibly changed) event to continue, `null` to drop it.
 * Returning `undefined` keeps the event unchanged.
 */
export type EventStage = (
  event: SightlineEvent,
) => SightlineEvent | null | undefined | void | Promise<SightlineEvent | null | undefined | void>;

/** Counters a destination exposes (the debug panel and tests read them). */
export interface QueueStats {
  queued: number;
  inFlight: number;
  sent: number;
  retried: number;
  dropped: Record<string, number>;
}

/**
 * A plugin is a plain object. Stages run in order `before → enrich → destination → after`.
 * A stage that throws is isolated: in `before` it cancels only that event, elsewhere it is
 * reported and the event goes on. A plugin whose `setup` fails is removed and reported.
 */
export interface Plugin {
  name: string;
  /** Runs once when the plugin is added. */
  setup?(client: SightlineClient): void | Promise<void>;
  /** Filter or drop (return null) before enrichment. */
  before?: EventStage;
  /** Add context or properties. */
  enrich?: EventStage;
  /**
   * Receives every final event. This is the queue interface: the transport is a plugin
   * with `destination` (enqueue), `flush` and `stats`.
   */
  destination?(event: SightlineEvent): void | Promise<void>;
  /** Sees the final event after destinations were handed it. */
  after?(event: SightlineEvent): void;
  /** Deliver what is buffered now; `client.flush()` awaits every plugin's flush. */
  flush?(reason: FlushReason): Promise<void>;
  /** Counters, for destinations. */
  stats?(): QueueStats;
  /** Stop listeners and timers (client.destroy()). */
  teardown?(): void | Promise<void>;
}

/** Payloads of the lifecycle hooks of `client.on(name, fn)`. */
export interface LifecycleMap {
  /** Every plugin passed to the options has run its setup. */
  ready: undefined;
  /** An event left the pipeline and was handed to destinations. */
  event: SightlineEvent;
  /** An event was dropped by consent, validation or a plugin. */
  drop: { event?: SightlineEvent; reason: string; plugin?: string };
  /** The consent state changed. */
  consent: ConsentState;
  /** The user was identified. */
  identify: { anonymousId: string; userId: string | null; traits: Properties };
  /** reset() ran; a new anonymous id was made. */
  reset: { anonymousId: string };
}

export type LifecycleName = keyof LifecycleMap;

/** How consent behaves. */
export interface ConsentOptions {
  /** `granted` (the default, as with peers) or `denied` until `consent.update()`. */
  default?: 'granted' | 'denied';
  /** Initial per-category state; overrides `default` for the categories named. */
  categories?: Partial<ConsentState>;
  /** While analytics is denied: keep events in memory until consent, or discard them. */
  whileDenied?: 'buffer' | 'discard';
  /** Treat Global Privacy Control (navigator.globalPrivacyControl) as a refusal. */
  honorGlobalPrivacyControl?: boolean;
  /** Treat Do Not Track (navigator.doNotTrack === '1') as a refusal. */
  honorDoNotTrack?: boolean;
}

/** Redaction of personal data from URLs, referrers and string properties. */
export interface PrivacyOptions {
  /** Redact email addresses (default true). */
  redactEmails?: boolean;
  /** Redact card-like numbers (default true). */
  redactCardNumbers?: boolean;
  /** Query parameters whose values are redacted (merged with the defaults: token, password, …). */
  redactQueryParams?: string[];
  /** If set, every query parameter not in this list is removed from URLs. */
  allowQueryParams?: string[];
}

/** Identity persistence (the anonymous id cookie). */
export interface IdentityOptions {
  /** Cookie domain, e.g. `.shop.example` to share across subdomains. */
  cookieDomain?: string;
  /** Cookie lifetime in days (default 365). */
  cookieDays?: number;
  /** Cookie and storage key prefix (default `sl`). */
  storagePrefix?: string;
}

/** Limits applied by validation; the defaults suit every collector we know. */
export interface LimitOptions {
  /** Longest string kept, in characters (default 8,192). */
  maxStringLength?: number;
  /** Deepest nesting kept (default 10). */
  maxDepth?: number;
  /** Largest event, in bytes of JSON (default 32 KB). */
  maxEventBytes?: number;
}

/** Options of `createSightline`. */
export interface SightlineOptions {
  /** The shop's write key (sent by the transport; not secret). */
  writeKey?: string;
  /** Plugins to add at start, in order (the transport is one of them). */
  plugins?: Plugin[];
  consent?: ConsentOptions;
  privacy?: PrivacyOptions;
  identity?: IdentityOptions;
  limits?: LimitOptions;
  /** Log every event and error to the console with a `[sightline]` prefix. */
  debug?: boolean;
  /** Receives every error; same as calling `onError(fn)`. */
  onError?: (error: SightlineError) => void;
}

/** The client `createSightline` returns. No method ever throws. */
export interface SightlineClient {
  /** Record that the user did something. */
  track(event: string, properties?: Properties): void;
  /** Record a page view; `name` is optional. */
  page(name?: string | Properties, properties?: Properties): void;
  /**
   * Tie the visitor to a known user id (or add traits when called with traits only). A
   * finite number is an id too, as a string (`42` is `'42'`).
   */
  identify(userId?: string | number | Properties | null, traits?: Properties): void;
  /** Link the current identity to `newId` (ids as for {@link SightlineClient.identify}). */
  alias(newId: string | number, previousId?: string | number): void;
  /** Forget the user: new anonymous id, no user id, no traits. */
  reset(): void;
  /** Deliver everything buffered by destinations now. */
  flush(): Promise<void>;
  /** Subscribe to a lifecycle hook; returns an unsubscribe function. */
  on<K extends LifecycleName>(name: K, fn: (payload: LifecycleMap[K]) => void): () => void;
  /** Subscribe to errors; returns an unsubscribe function. */
  onError(fn: (error: SightlineError) => void): () => void;
  /** Add a plugin; resolves once its setup ran (or failed and was reported). */
  use(plugin: Plugin): Promise<void>;
  /** Consent state and changes. */
  readonly consent: {
    get(): ConsentState;
    update(changes: Partial<ConsentState>): void;
  };
  /** The current identity. */
  user(): { anonymousId: string; userId: string | null; traits: Properties };
  /** For plugins: report a problem to `onError` listeners with a stable code. */
  reportError(report: ErrorReport): void;
  /** Stop plugins and listeners; the client then ignores calls. */
  destroy(): Promise<void>;
  /** The resolved options (read-only), for plugins that need the write key or debug flag. */
  readonly options: Readonly<SightlineOptions>;
}
