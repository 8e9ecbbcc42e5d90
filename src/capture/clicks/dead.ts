import type { Scope } from '../shared/scope';
import { DEAD_CLICK_MS } from '../constants';

/**
 * A click whose default action leaves the document (a link to another page, a form submit)
 * is not dead, unless the page prevented it: the next page may take longer than the window.
 * (A `button` without a type submits; so does one outside its form, tied to it by `form="…"`.
 * A `javascript:` link stays on the page: it is dead if its handler never came.)
 */
const LEAVES = 'a[href]:not([href^="#"]):not([href^="javascript:" i]),form [type=submit],form button:not([type]),[form][type=submit],button[form]:not([type])';

/**
 * Watches a click on an interactive element for ~1 s: if the DOM did not change, the URL
 * did not change and focus did not move, `onDead` is called. The MutationObserver observes
 * only during that window (disconnected at the first mutation or when it ends); one window
 * at a time, so repeated clicks on a broken button give one "Dead Click". The caller
 * checks that the browser has a MutationObserver.
 */
export const createDeadClickWatch = (scope: Scope, onDead: (el: Element) => void): (el: Element, event: Event) => void => {
  let busy = false;
  let changed = false;
  // One observer for the plugin's life, connected per window: a click does not build one.
  const observer = new MutationObserver(() => ((changed = true), stop()));
  const stop = (): void => observer.disconnect();
  scope.add(stop);
  return (el, event) => {
    if (busy) return;
    busy = true;
    changed = false;
    const { href } = location;
    const focus = document.activeElement;
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    scope.later(() => {
      busy = false;
      stop();
      if (!changed && location.href === href && document.activeElement === focus && document.visibilityState !== 'hidden' && (event.defaultPrevented || !el.matches(LEAVES))) onDead(el);
    }, DEAD_CLICK_MS);
  };
};
