import type { Properties } from '../../types';
import type { Scope } from '../shared/scope';
import { commerceProps } from './declarative';

const PRODUCT = '[data-sl-product-impression]';
const PROMOTION = '[data-sl-promotion-impression]';
/** Impressions of one list seen within this window go out as one "Product List Viewed". */
export const IMPRESSION_BATCH_MS = 1000;
/** Observed elements per page view at most: the observer stays bounded on endless lists. */
export const MAX_OBSERVED = 300;
/** Products per "Product List Viewed" at most; a bigger batch is split. */
const MAX_PRODUCTS = 50;

/**
 * Impressions through one IntersectionObserver (half the element visible): each
 * `[data-sl-promotion-impression]` gives "Promotion Viewed"; `[data-sl-product-impression]`
 * elements seen together are batched per enclosing `[data-sl-list-id]` into "Product
 * List Viewed". Each element counts once; elements are found by `scan()` (at setup, after
 * SPA navigations, or when the page calls `rescan()`), never by watching the whole DOM.
 * After an SPA navigation `reset()` lets elements count again, for the new page view.
 */
export function watchImpressions(scope: Scope): { scan(): void; flush(): void; reset(): void } {
  const pending = new Map<Element | null, Properties[]>();
  let seen = new WeakSet<Element>();
  let observed = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    for (const [list, products] of pending) {
      for (let i = 0; i < products.length; i += MAX_PRODUCTS) {
        scope.client.track('Product List Viewed', { ...(list ? commerceProps(list) : {}), products: products.slice(i, i + MAX_PRODUCTS) });
      }
    }
    pending.clear();
  };
  const seenNow = (el: Element): void => {
    if (el.matches(PROMOTION)) return scope.client.track('Promotion Viewed', commerceProps(el));
    const list = el.closest('[data-sl-list-id]');
    const products = pending.get(list) ?? [];
    products.push(commerceProps(el));
    pending.set(list, products);
    if (scheduled) return;
    scheduled = true;
    scope.later(flush, IMPRESSION_BATCH_MS);
  };
  if (typeof IntersectionObserver !== 'function') return { scan() {}, flush, reset: flush };
  const observer = new IntersectionObserver(
    scope.safe((entries: IntersectionObserverEntry[]) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        seenNow(entry.target);
      }
    }),
    { threshold: 0.5 },
  );
  scope.add(() => observer.disconnect());
  return {
    flush,
    /** A new page view: what was seen may be seen again. */
    reset() {
      flush();
      observer.disconnect();
      seen = new WeakSet();
      observed = 0;
    },
    scan() {
      for (const el of Array.from(document.querySelectorAll(`${PRODUCT},${PROMOTION}`))) {
        if (observed >= MAX_OBSERVED) break;
        if (seen.has(el)) continue;
        seen.add(el);
        observed++;
        observer.observe(el);
      }
    },
  };
}
