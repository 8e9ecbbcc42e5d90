/** Share of a list that must be on screen for it to count as seen (an impression). */
const VISIBLE_SHARE = 0.5;

/**
 * Calls `fn()` once, the first time at least half of `el` is in the viewport, so
 * "Recommendation Viewed" means a shopper could see the list, not just that it was
 * rendered below the fold. Returns a function that stops watching.
 */
export function onceVisible(el, fn) {
  if (typeof IntersectionObserver !== 'function') {
    fn();
    return () => {};
  }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting && e.intersectionRatio >= VISIBLE_SHARE)) return;
    observer.disconnect();
    fn();
  }, { threshold: VISIBLE_SHARE });
  observer.observe(el);
  return () => observer.disconnect();
}
