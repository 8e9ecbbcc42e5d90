/** Clicks within this window and radius count towards one rage burst. */
export const RAGE_WINDOW_MS = 1000;
export const RAGE_RADIUS_PX = 30;
/** Clicks in one burst that make it a rage click. */
export const RAGE_CLICKS = 3;

interface Click {
  t: number;
  x: number;
  y: number;
}

/**
 * Returns a function to call on every click; it returns true once per burst, on the
 * third click within 1 s and ~30 px of the current one. Further clicks of the same burst
 * return false, so a shopper hammering a button yields one "Rage Click".
 */
export function createRageDetector(): (event: MouseEvent) => boolean {
  let recent: Click[] = [];
  return (event) => {
    const click = { t: Date.now(), x: event.clientX, y: event.clientY };
    recent = recent.filter((c) => click.t - c.t <= RAGE_WINDOW_MS && Math.hypot(c.x - click.x, c.y - click.y) <= RAGE_RADIUS_PX);
    recent.push(click);
    return recent.length === RAGE_CLICKS;
  };
}
