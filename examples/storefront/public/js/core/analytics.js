/**
 * The shop's single door to sightline. Pages loaded with the script tag talk to
 * `window.sightline` (the stub until the SDK file arrives, then the real client); the
 * ESM page hands its own client in with `useClient`. Analytics must never break the
 * shop, so every call is wrapped.
 */
let injected = null;

/** Used by the ESM page: route calls to a client built with `createSightline`. */
export function useClient(client, extras = {}) {
  injected = { client, ...extras };
}

function client() {
  return injected ? injected.client : window.sightline;
}

function safely(fn, fallback) {
  try {
    return fn();
  } catch (error) {
    console.warn('[shop] analytics call failed', error);
    return fallback;
  }
}

/** True once the real SDK (not the stub) is in place. */
export function isLoaded() {
  const c = client();
  return Boolean(c) && !Array.isArray(c.q);
}

/** Records a Segment-spec track call. */
export function track(event, properties = {}) {
  safely(() => client()?.track(event, properties));
}

/**
 * Sends a commerce event through the SDK's typed helper (`sightline.commerce.productViewed`)
 * when the script-tag API has one, else as a plain track call — the two are equivalent.
 */
export function trackWithHelper(helper, event, properties) {
  safely(() => {
    const helpers = isLoaded() ? client().commerce : undefined;
    if (typeof helpers?.[helper] === 'function') helpers[helper](properties);
    else client()?.track(event, properties);
  });
}

/** Ties the visitor to a user id (never an email). */
export function identify(userId, traits = {}) {
  safely(() => client()?.identify(userId, traits));
}

/** Applies the shopper's consent choice. */
export function updateConsent(categories) {
  safely(() => client()?.consent?.update(categories));
}

/** The SDK's consent state, or null while the stub is still in place. */
export function consentState() {
  return safely(() => (isLoaded() ? client().consent.get() : null), null);
}

/** Subscribes to a lifecycle hook (`event`, `drop`, `consent`, …); queued by the stub. */
export function on(name, fn) {
  safely(() => client()?.on(name, fn));
}

/** Queue counters of the delivery plugin, or null before the SDK loaded. */
export function queueStats() {
  return safely(() => {
    if (injected?.stats) return injected.stats();
    const c = client();
    return isLoaded() && typeof c.stats === 'function' ? c.stats() : null;
  }, null);
}

/** The current identity, or null before the SDK loaded. */
export function currentUser() {
  return safely(() => (isLoaded() && typeof client().user === 'function' ? client().user() : null), null);
}
