/**
 * Finds the page's running sightline client. Script-tag pages have `window.sightline`
 * from the first byte (the stub, which queues `ready` calls until the SDK arrives); the
 * lookbook builds its own client with `createSightline` and exposes it as
 * `window.sightlineEsm` once its ES module loaded.
 */
const ESM_WAIT_MS = 10_000;
const ESM_POLL_MS = 50;

/** Calls `fn(client)` once a client exists, or `onMissing()` when this page has none. */
export function withClient(fn, onMissing) {
  const tag = window.sightline;
  if (tag && typeof tag.ready === 'function') {
    tag.ready(fn);
    return;
  }
  const deadline = Date.now() + ESM_WAIT_MS;
  const poll = () => {
    if (window.sightlineEsm) fn(window.sightlineEsm);
    else if (Date.now() > deadline) onMissing();
    else setTimeout(poll, ESM_POLL_MS);
  };
  poll();
}
