import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
import { createOptOut, eventElement } from '../shared/opt-out';
import { dataProps } from '../shared/data-props';
import { createRageDetector, RAGE_CLICKS } from './rage';
import { createDeadClickWatch } from './dead';
import { describeClick, describeElement, DOWNLOAD_EXTENSIONS } from './describe';

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
 * camelCase properties; "Rage Click" and "Dead Click". See docs/capture.md for properties.
 */
export function clicks(options: ClicksOptions = {}): Plugin {
  return capturePlugin('clicks', (scope) => {
    const optedOut = createOptOut(scope, options.denySelectors);
    const extensions = options.downloadExtensions ?? DOWNLOAD_EXTENSIONS;
    const isRage = options.rageClicks === false ? undefined : createRageDetector();
    const watchDead =
      options.deadClicks === false ? undefined : createDeadClickWatch(scope, (el) => scope.client.track('Dead Click', describeElement(el)));
    scope.on<MouseEvent>(
      document,
      'click',
      (event) => {
        const target = eventElement(event);
        if (!target || optedOut(target)) return;
        const el = target.closest(INTERACTIVE);
        if (isRage?.(event)) scope.client.track('Rage Click', { ...describeElement(el ?? target), clickCount: RAGE_CLICKS });
        if (!el) return;
        const custom = el.getAttribute('data-sl-event');
        if (custom) scope.client.track(custom, dataProps(el));
        else scope.client.track('Element Clicked', describeClick(el, extensions));
        watchDead?.(el, event);
      },
      { capture: true },
    );
  });
}
