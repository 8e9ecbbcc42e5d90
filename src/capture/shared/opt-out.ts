import type { Scope } from './scope';

/**
 * Finds the element an event is about: the nearest element matching `selector` around
 * the event target (a text node counts as its parent), or null.
 */
export type Finder = (event: Pick<Event, 'target'>, selector?: string) => Element | null;

/**
 * Returns a {@link Finder} that also ignores what must not be captured: inside
 * `[data-sl-no-capture]` or matching (itself or an ancestor) one of `denySelectors`. An
 * invalid selector is reported once and left out, so one typo does not switch the
 * denylist off. Without `selector`, the target element itself.
 */
export const createFinder = (scope: Scope, denySelectors: readonly string[] = []): Finder => {
  // The attribute that keeps an element and everything inside it out of capture (written in
  // place: as a module constant it cost a variable), then the shop's selectors. One selector
  // from plain JavaScript counts as a list of one.
  const deny = ['[data-sl-no-capture]', ...[denySelectors].flat().filter((selector) => {
    try {
      document.documentElement.matches(selector);
      return true;
    } catch (error) {
      scope.report('capture/invalid-selector', error);
      return false;
    }
  })].join();
  return (event, selector) => {
    const node = event.target as Node | null;
    const el = node && (node.nodeType == 1 ? (node as Element) : node.parentElement);
    const hit = el && selector ? el.closest(selector) : el;
    return hit && !hit.closest(deny) ? hit : null;
  };
};
