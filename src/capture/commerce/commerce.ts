import type { Plugin, SightlineEvent } from '../../types';
import { capturePlugin } from '../shared/scope';
import { createFinder } from '../shared/opt-out';
import { declarativeEvent } from './declarative';
import { watchImpressions } from './impressions';
import { createTimings, type JourneyTimes } from './timings';
// After the commerce modules: a bundle keeps the modules in import order, and there the
// session store makes autocapture() 7 B smaller (measured, as in autocapture.ts).
import { sessionStore } from '../shared/session-store';

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

/**
 * Declarative commerce events (`data-sl-commerce`, impressions) and the journey timings
 * added to "Product Added" and "Order Completed" — whether those come from the typed
 * helpers, the attributes or plain `track` calls.
 */
export const commerce = (options?: CommerceOptions): CommercePlugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { declarative, impressions, timings, denySelectors } = Object(options) as CommerceOptions;
  let enrich: ((event: SightlineEvent) => SightlineEvent | undefined) | undefined;
  let scan = (): void => {};
  const plugin = capturePlugin('commerce', (scope) => {
    if (timings !== false) enrich = createTimings(sessionStore<JourneyTimes>(scope, 'journey'));
    scope.add(() => (enrich = undefined));
    const find = createFinder(scope, denySelectors);
    if (declarative !== false) {
      scope.on(document, 'click', (event) => {
        const hit = find(event, '[data-sl-commerce]');
        const call = hit && declarativeEvent(hit);
        if (call) scope.client.track(...call);
      }, { capture: true });
    }
    if (impressions === false || typeof IntersectionObserver != 'function') return;
    scan = watchImpressions(scope, find);
  });
  return { ...plugin, enrich: (event) => enrich && enrich(event), rescan: () => scan() };
};
