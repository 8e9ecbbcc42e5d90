/**
 * Every number the capture plugins use, with the reason for it.
 *
 * Kept in a module of their own, with no imports, that `dist/esm` builds as a chunk of its
 * own (rollup.config.mjs, as for the transport's numbers): esbuild, the bundler size-limit
 * measures with, inlines top-level number constants only from a module without imports, and
 * merged into capture/index.js (which imports web-vitals and the shared chunks) each stayed a
 * variable (about −75 B for `autocapture()`). Written as plain literals, not `30 * 60 * 1000`:
 * a bundler keeps an unused constant whose initializer is arithmetic.
 */

// ── Shared helpers ─────────────────────────────────────────────────────────────────────

/** A frame never comes in a background tab; this is the longest a navigation settle waits for one. */
export const SETTLE_FALLBACK_MS = 100;

/** A stored value lives this long after its last write: DESIGN.md's session (30 min of inactivity). */
export const SESSION_TTL_MS = 1_800_000; // 30 minutes

/** Selectors stay short: the nearest few levels identify an element well enough. */
export const SELECTOR_LEVELS = 5;

/** Longest element text kept, in characters, after collapsing whitespace. */
export const MAX_TEXT = 100;

// ── clicks() ───────────────────────────────────────────────────────────────────────────

/** Clicks within this window (ms) and radius (px) count towards one rage burst. */
export const RAGE_WINDOW_MS = 1_000;
export const RAGE_RADIUS_PX = 30;
/** Clicks in one burst that make it a rage click. */
export const RAGE_CLICKS = 3;

/** How long a click has to show an effect before it counts as dead. */
export const DEAD_CLICK_MS = 1_000;

// ── forms() ────────────────────────────────────────────────────────────────────────────

/** Bounds per page: a form builder gone wild must not grow events or memory without end. */
export const MAX_FORMS = 20;
export const MAX_FIELDS = 50;

// ── engagement() ───────────────────────────────────────────────────────────────────────

/** Scroll is measured at most this often: never work per frame while the shopper scrolls. */
export const SCROLL_THROTTLE_MS = 250;

/** Within this many px of the bottom counts as the bottom (sub-pixel layouts, sticky footers). */
export const BOTTOM_SLACK_PX = 2;

// ── commerce() impressions ─────────────────────────────────────────────────────────────

/** Impressions of one list seen within this window go out as one "Product List Viewed". */
export const IMPRESSION_BATCH_MS = 1_000;
/** Observed elements per page view at most: the observer stays bounded on endless lists. */
export const MAX_OBSERVED = 300;
/** Products per "Product List Viewed" at most; a bigger batch is split. */
export const MAX_PRODUCTS = 50;
/** After an SPA navigation, wait this long for the new page to render before scanning. */
export const RESCAN_DELAY_MS = 500;

// ── context() ──────────────────────────────────────────────────────────────────────────

/** Longest campaign value kept: these come from URLs anyone can craft. */
export const MAX_CAMPAIGN_VALUE = 200;

/** How often a tab's events refresh the stored source's expiry. */
export const SOURCE_REFRESH_MS = 60_000;

// ── vitals() ───────────────────────────────────────────────────────────────────────────

/** Attribution strings are cut to this many characters (an image URL can be a long data: URL). */
export const MAX_ATTRIBUTION = 100;

// ── errors() ───────────────────────────────────────────────────────────────────────────

/** The window of `maxPerMinute`, and how long the same error stays a repeat. */
export const MINUTE_MS = 60_000;
/** Longest message kept; the core then redacts emails, card numbers and secrets in it. */
export const MAX_MESSAGE = 300;
