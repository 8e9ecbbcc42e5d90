/**
 * Runs `fn` each time Back or Forward restores this page from the browser's back/forward
 * cache. No script runs again then: what the page shows from storage (the cart) may be
 * stale, and what it sends as it renders (a list or cart view) is not sent. sightline counts
 * the restore as a new page view, so the page sends those again. Never an order: a restored
 * confirmation page is still the one order.
 */
export function onRestore(fn) {
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) fn();
  });
}
