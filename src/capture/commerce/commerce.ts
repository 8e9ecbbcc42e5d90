import type { Plugin, SightlineEvent } from '../../types';
import { onPageExit } from '../../lib/on-page-exit';
import { capturePlugin } from '../shared/scope';
import { createOptOut, eventElement } from '../shared/opt-out';
import { onNavigation, pageKey } from '../shared/navigation';
import { sessionStore } from '../shared/session-store';
import { declarativeEvent } from './declarative';
import { watchImpressions } from './impressions';
import { createTimings, type JourneyTimes } from './timings';

/** Options of {@link commerce}. */
export interface CommerceOptions {
  /** Send events for clicks on `[data-sl-commerce]` elements. Default `true`. */
  declarative?: boolean;
  /** Send "Product List Viewed" / "Promotion Viewed" for impression elements. Default `true`. */
  impressions?: boolean;
  /** Add `time_to_purchase_ms`, `click_to_buy_ms` and `product_dwell_ms`. Default `true`. */
  timings?: boolean;
  /** Elements never captured, as CSS selectors. `[data-sl-no-capture]` always applies. */
  denySelectors?: string[];
}

/** The commerce plugin; `rescan()` looks for impression elements the page has just rendered. */
export interface CommercePlugin extends Plugin {
  rescan(): void;
}

/** After an SPA navigation, wait this long for the new page to render before scanning. */
const RESCAN_DELAY_MS = 500;

/**
 * Declarative commerce events (`data-sl-commerce`, impressions) and the journey timings
 * added to "Product Added" and "Order Completed" — whether those come from the typed
 * helpers, the attributes or plain `track` calls.
 */
export function commerce(options: CommerceOptions = {}): CommercePlugin {
  let timings: ((event: SightlineEvent) => SightlineEvent | undefined) | undefined;
  let scan = (): void => {};
  const plugin = capturePlugin('commerce', (scope) => {
    if (options.timings !== false) timings = createTimings(sessionStore<JourneyTimes>(scope, 'journey'));
    scope.add(() => (timings = undefined));
    if (options.declarative !== false) {
      const optedOut = createOptOut(scope, options.denySelectors);
      scope.on(document, 'click', (event) => {
        const el = eventElement(event)?.closest('[data-sl-commerce]');
        const hit = el && !optedOut(el) ? declarativeEvent(el) : undefined;
        if (hit) scope.client.track(hit.event, hit.properties);
      }, { capture: true });
    }
    if (options.impressions === false) return;
    const impressions = watchImpressions(scope);
    scan = scope.safe(impressions.scan);
    scan();
    scope.add(onPageExit(scope.safe(impressions.flush)));
    let page = pageKey();
    onNavigation(scope, 'enter', () => {
      if (pageKey() === page) return;
      page = pageKey();
      impressions.reset();
      scope.later(scan, RESCAN_DELAY_MS);
    });
  });
  return { ...plugin, enrich: (event) => timings?.(event), rescan: () => scan() };
}
