import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
// data-props before opt-out: a bundle keeps the modules in import order, and this one is
// smaller (measured, as in autocapture.ts).
import { dataProps } from '../shared/data-props';
import { createFinder } from '../shared/opt-out';
import { createDeadClickWatch } from './dead';
import { describeClick, describeElement, DOWNLOAD_EXTENSIONS } from './describe';
import { RAGE_CLICKS, RAGE_RADIUS_PX, RAGE_WINDOW_MS } from '../constants';

/** Options of {@link clicks}. */
export interface ClicksOptions {
  /** Elements (and their descendants) never captured, as CSS selectors. `[data-sl-no-capture]` always applies. */
  denySelectors?: string[];
  /** Send "Rage Click" for ≥3 clicks within 1 s and ~30 px. Default `true`. */
  rageClicks?: boolean;
  /** Send "Dead Click" when a click on an interactive element has no visible effect within 1 s. Default `true`. */
  deadClicks?: boolean;
  /** Link file extensions that count as downloads (lowercase, no dot). Default {@link DOWNLOAD_EXTENSIONS}. */
  downloadExtensions?: readonly string[];
}

/** What autocapture counts as a click worth an event. */
const INTERACTIVE = 'a[href],button,[role=button],input[type=submit],input[type=button],[data-sl-event]';

/**
 * Click autocapture through one passive capture-phase listener on the document:
 * "Element Clicked" for links, buttons, `[role=button]` and submit/button inputs;
 * a custom event for `[data-sl-event]` elements, with their `data-sl-*` attributes as
 * camelCase properties; "Rage Click" (once per burst: the third click within 1 s and
 * 30 px) and "Dead Click". See docs/capture.md for properties.
 */
export const clicks = (options?: ClicksOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { denySelectors, rageClicks, deadClicks, downloadExtensions = DOWNLOAD_EXTENSIONS } = Object(options) as ClicksOptions;
  // One extension from plain JavaScript counts as a list of one.
  const extensions = [downloadExtensions].flat();
  return capturePlugin('clicks', (scope) => {
    const find = createFinder(scope, denySelectors);
    const watchDead = deadClicks !== false && typeof MutationObserver == 'function' && createDeadClickWatch(scope, (el) => scope.client.track('Dead Click', describeElement(el, find)));
    // [time, x, y] of the clicks of the current rage burst, and whether it was sent: a
    // burst ends only when no click of it is left within 1 s and 30 px (clicks 400 ms apart
    // would otherwise make every click from the third on a rage click of its own).
    let burst: number[][] = [];
    let sent = false;
    scope.on<MouseEvent>(
      document,
      'click',
      (event) => {
        const target = find(event);
        if (!target) return;
        const el = target.closest(INTERACTIVE);
        const { clientX: x, clientY: y } = event;
        const now = Date.now();
        // A click in the same millisecond is the same click: a <label> forwards one to its field.
        burst = burst.filter(([t, bx, by]) => now - t! <= RAGE_WINDOW_MS && Math.hypot(bx! - x, by! - y) <= RAGE_RADIUS_PX && t != now);
        if (!burst.length) sent = false;
        if (burst.push([now, x, y]) >= RAGE_CLICKS && !sent && rageClicks !== false) {
          sent = true;
          scope.client.track('Rage Click', { ...describeElement(el || target, find), clickCount: RAGE_CLICKS });
        }
        if (!el) return;
        const custom = el.getAttribute('data-sl-event');
        scope.client.track(custom || 'Element Clicked', custom ? dataProps(el) : describeClick(el, find, extensions));
        if (watchDead) watchDead(el, event);
      },
      { capture: true },
    );
  });
};
