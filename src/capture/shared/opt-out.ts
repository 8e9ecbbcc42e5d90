import type { Scope } from './scope';
import { CAPTURE_ERRORS } from '../errors';

/** The attribute that keeps an element and everything inside it out of capture. */
export const NO_CAPTURE = '[data-sl-no-capture]';

/**
 * Returns a test for "must this element be ignored?": inside `[data-sl-no-capture]` or
 * matching (itself or an ancestor) one of `denySelectors`. An invalid selector is
 * reported once and left out, so one typo does not switch the denylist off.
 */
export function createOptOut(scope: Scope, denySelectors: readonly string[] = []): (el: Element) => boolean {
  const valid = denySelectors.filter((selector) => {
    try {
      document.createDocumentFragment().querySelector(selector);
      return true;
    } catch (error) {
      scope.report(CAPTURE_ERRORS.invalidSelector, error);
      return false;
    }
  });
  const selector = [NO_CAPTURE, ...valid].join(',');
  return (el) => el.closest(selector) !== null;
}

/** The element an event happened on (a text node's parent), or null. */
export function eventElement(event: Event): Element | null {
  const target = event.target as Node | null;
  if (!target) return null;
  return target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
}
