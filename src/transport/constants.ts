/**
 * Every number the transport uses by default, with the reason for it.
 *
 * Written as plain literals, not `64 * 1024`: a bundler keeps an unused constant whose
 * initializer is arithmetic (it cannot prove it pure), so products would leak into bundles
 * of the core that never import the transport.
 */

/**
 * Browsers cap the bodies of all keepalive requests in flight from a page, sendBeacon
 * included, at 64 KiB together (Fetch spec, "inflight keepalive bytes"). A batch never
 * exceeds it, so any batch can still leave at page exit.
 */
export const KEEPALIVE_BYTES = 65_536; // 64 KiB

/** 50 typical events (~0.5 KB each) make ~25 KB: well inside the 64 KiB budget, 20 requests per 1,000 events. */
export const BATCH_EVENTS = 50;

/** Two seconds: an add-to-cart reaches the collector in near real time, yet a burst still becomes one batch. */
export const BATCH_INTERVAL_MS = 2_000;

/** The smallest `batch.maxBytes` taken: below it a body could hold hardly one event beside its envelope. */
export const MIN_BODY_BYTES = 1_024;

/** Room left in a batch for the envelope around the events: `{"batch":[…],"sentAt":"…","writeKey":"…"}`. */
export const ENVELOPE_BYTES = 256;

/** About a day of heavy browsing offline; past it the oldest events go first. */
export const QUEUE_EVENTS = 10_000;

/** 5 MB: what every browser grants an origin in localStorage, the smallest tier. */
export const QUEUE_BYTES = 5_242_880; // 5 MiB

/** First retry waits up to 1 s (full jitter: a random delay in [0, min(cap, base·2^attempt)]). */
export const RETRY_BASE_MS = 1_000;

/** No retry waits more than 5 minutes unless the collector's Retry-After asks for longer. */
export const RETRY_CAP_MS = 300_000; // 5 minutes

/** A request still unanswered after 10 s is aborted and retried: mobile networks stall silently. */
export const TIMEOUT_MS = 10_000;

/** A localStorage lease left by a closed tab blocks the others for at most 10 s. */
export const LEASE_MS = 10_000;

/**
 * A tab that wrote the lease reads it again this much later, once the writes of tabs in
 * other processes have arrived. Chromium delivers them within milliseconds, but on a busy
 * machine 50 ms once let two tabs both read their own lease back and send at once. Only the
 * lease (no Web Locks) waits so, once per send cycle.
 */
export const LEASE_SETTLE_MS = 200;

/** The lease holder renews three times per lease, so one late timer does not lose it. */
export const HEARTBEAT_MS = 3_333;

/**
 * Microtasks in a row without a new event before the events tracked during a page exit
 * leave: the core's pipeline spaces events a few microtasks apart (more with async
 * plugin stages), and a microtask costs next to nothing, while no task may come before
 * the page is gone.
 */
export const QUIET_TURNS = 32;

/**
 * After a navigation to a page of this site was announced, no request starts for this long,
 * and a page exit saves for that page rather than beacons: the next page sends what is
 * stored, and a keepalive request started meanwhile would reach the collector while the
 * next page sends its batch again. Past it (a download, a 204 answer: the page stayed),
 * sending and beacons resume.
 */
export const NAVIGATE_MS = 10_000;

/** 50 events of one name per 10 s: far above any real shopper, far below a runaway loop. */
export const RATE_PER_NAME = 50;

/** The window the per-name rate is counted over, and a refusal is reported after. */
export const RATE_WINDOW_MS = 10_000;
