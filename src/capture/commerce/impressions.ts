import type { Properties } from '../../types';
import type { Scope } from '../shared/scope';
import { commerceProps } from './declarative';

const PROMOTION = '[data-sl-promotion-impression]';
/** Impressions of one list seen within this window go out as one "Product List Viewed". */
export const IMPRESSION_BATCH_MS = 1000;
/** Observed elements per page view at most: the observer stays bounded on endless lists. */
export const MAX_OBSERVED = 300;
/** Products per "Product List Viewed" at most; a bigger batch is split. */
const MAX_PRODUCTS = 50;

/** The impression watcher of the commerce plugin. */
export interface Impressions {
  /** Finds impression elements not yet observed. */
  scan(): void;
  /** Sends the pending "Product List Viewed" batches now. */
  flush(): void;
  /** A new page view: flushes, and what was seen may be seen again. */
  reset(): void;
}

/**
 * Impressions through one IntersectionObserver (half the element visible): each
 * `[data-sl-promotion-impression]` gives "Promotion Viewed"; `[data-sl-product-impression]`
 * elements seen together are batched per enclosing `[data-sl-list-id]` into "Product
 * List Viewed". Each element counts once; elements are found by `scan()` (at setup, after
 * SPA navigations, or when the page calls `rescan()`), never by watching the whole DOM.
 */
export function watchImpressions(scope: Scope): Impressions {
  const { client } = scope;
  const pending = new Map<Element | null, Properties[]>();
  let seen = new WeakSet<Element>();
  let observed = 0;
  const flush = (): void => {
    pending.forEach((products, list) => {
      for (let i = 0; i < products.length; i += MAX_PRODUCTS) {
        client.track('Product List Viewed', { ...(list && commerceProps(list)), products: products.slice(i, i + MAX_PRODUCTS) });
      }
    });
    pending.clear();
  };
  const seenNow = (el: Element): void => {
    if (el.matches(PROMOTION)) return client.track('Promotion Viewed', commerceProps(el));
    const list = el.closest('[data-sl-list-id]');
    // The first product of a batch starts the batch's window.
    if (!pending.size) scope.later(flush, IMPRESSION_BATCH_MS);
    pending.set(list, (pending.get(list) || []).concat(commerceProps(el)));
  };
  if (typeof IntersectionObserver != 'function') return { scan() {}, flush, reset: flush };
  const observer = new IntersectionObserver(
    scope.safe((entries: IntersectionObserverEntry[]) => {
      for (const { isIntersecting, target } of entries) {
        if (isIntersecting) {
          observer.unobserve(target);
          seenNow(target);
        }
      }
    }),
    { threshold: 0.5 },
  );
  const disconnect = (): void => observer.disconnect();
  scope.add(disconnect);
  return {
    flush,
    reset() {
      flush();
      disconnect();
      seen = new WeakSet();
      observed = 0;
    },
    scan() {
      document.querySelectorAll(`[data-sl-product-impression],${PROMOTION}`).forEach((el) => {
        if (observed < MAX_OBSERVED && !seen.has(el)) {
          seen.add(el);
          observed++;
          observer.observe(el);
        }
      });
    },
  };
}
