import type { Properties } from '../../types';
import type { Scope } from '../shared/scope';
import { onPageEnd } from '../shared/navigation';
import type { Finder } from '../shared/opt-out';
import { commerceProps } from './declarative';
import { IMPRESSION_BATCH_MS, MAX_OBSERVED, MAX_PRODUCTS, RESCAN_DELAY_MS } from '../constants';

const PROMOTION = '[data-sl-promotion-impression]';

/**
 * Impressions through one IntersectionObserver (half the element visible; the caller
 * checks that the browser has one): each `[data-sl-promotion-impression]` gives
 * "Promotion Viewed"; `[data-sl-product-impression]` elements seen together are batched
 * per enclosing `[data-sl-list-id]` into "Product List Viewed". Each element counts once
 * per page view; what the page opted out of capture (`data-sl-no-capture`, the plugin's
 * `denySelectors`) never is. Elements are found by the scan this returns (run at setup, 500 ms after
 * each SPA navigation, and when the page calls `rescan()`), never by watching the whole
 * DOM. Pending batches go out when the page is hidden or left; each batch has its own window,
 * from its first product.
 */
export const watchImpressions = (scope: Scope, find: Finder): () => void => {
  const pending = new Map<Element | null, Properties[]>();
  // The elements observed in this page view: at most MAX_OBSERVED, so holding them is bounded.
  let observed = new Set<Element>();
  // Cancels the timer of the batch pending: a flush ends that batch (its page left or hidden), so
  // its timer must not cut the next batch, perhaps of the next page view, short.
  let stopBatch = (): void => {};
  const flush = (): void => {
    pending.forEach((products, list) => {
      for (let i = 0; i < products.length; i += MAX_PRODUCTS) {
        scope.client.track('Product List Viewed', { ...(list && commerceProps(list)), products: products.slice(i, i + MAX_PRODUCTS) });
      }
    });
    pending.clear();
    stopBatch();
  };
  const observer = new IntersectionObserver(
    scope.safe((entries: IntersectionObserverEntry[]) => {
      entries.forEach(({ isIntersecting, target }) => {
        if (!isIntersecting) return;
        observer.unobserve(target);
        if (target.matches(PROMOTION)) return scope.client.track('Promotion Viewed', commerceProps(target));
        const list = target.closest('[data-sl-list-id]');
        // The first product of a batch starts the batch's window.
        if (!pending.size) stopBatch = scope.later(flush, IMPRESSION_BATCH_MS);
        pending.set(list, (pending.get(list) || []).concat(commerceProps(target)));
      });
    }),
    { threshold: 0.5 },
  );
  const disconnect = (): void => observer.disconnect();
  scope.add(disconnect);
  const scan = scope.safe(() => {
    document.querySelectorAll(`[data-sl-product-impression],${PROMOTION}`).forEach((el) => {
      // Inside `[data-sl-no-capture]` or a denied selector: never observed, never sent.
      if (observed.size < MAX_OBSERVED && !observed.has(el) && find({ target: el })) {
        observed.add(el);
        observer.observe(el);
      }
    });
  });
  onPageEnd(scope, (next) => {
    flush();
    if (!next) return;
    // A new page view: what was seen may be seen again.
    disconnect();
    observed = new Set();
    scope.later(scan, RESCAN_DELAY_MS);
  });
  scan();
  // Started from <head> before the body was parsed (an async script in cache): once it is.
  scope.on(document, 'DOMContentLoaded', scan);
  return scan;
};
