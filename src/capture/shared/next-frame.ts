/** A frame never comes in a background tab; this is the longest we wait for one. */
const FALLBACK_MS = 100;

/**
 * Calls `fn` once the page has rendered the current change: after the next animation
 * frame plus a task (so effects that set `document.title` after a pushState have run),
 * or after {@link FALLBACK_MS} when no frame comes (hidden tab, no rAF). Once: whichever
 * comes first wins.
 */
export function nextFrame(fn: () => void): void {
  let done = false;
  const run = (): void => {
    if (!done) {
      done = true;
      fn();
    }
  };
  const timer = setTimeout(run, FALLBACK_MS);
  if (typeof requestAnimationFrame == 'function') {
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(run, 0);
    });
  }
}
