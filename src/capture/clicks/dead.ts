import type { Scope } from '../shared/scope';

/** How long a click has to show an effect before it counts as dead. */
export const DEAD_CLICK_MS = 1000;

/** A click whose default action leaves the document (a link, a form submit) is not dead. */
function leavesPage(el: Element, event: Event): boolean {
  const attr = (name: string): string => el.getAttribute(name) || '';
  if (event.defaultPrevented) return false;
  if (el.tagName === 'A') return attr('href')[0] !== '#' || el.hasAttribute('download') || !/^(_self)?$/.test(attr('target'));
  return (attr('type') || (el.tagName === 'BUTTON' ? 'submit' : '')).toLowerCase() === 'submit' && !!el.closest('form');
}

/**
 * Watches a click on an interactive element for ~1 s: if the DOM did not change, the URL
 * did not change and focus did not move, `onDead` is called. A MutationObserver runs only
 * during that window (disconnected at the first mutation or when it ends); one window at
 * a time, so repeated clicks on a broken button give one "Dead Click".
 */
export function createDeadClickWatch(scope: Scope, onDead: (el: Element) => void): (el: Element, event: Event) => void {
  let busy = false;
  return (el, event) => {
    if (busy || typeof MutationObserver != 'function') return;
    busy = true;
    let changed = false;
    const { href } = location;
    const focus = document.activeElement;
    const observer = new MutationObserver(() => {
      changed = true;
      disconnect();
    });
    const disconnect = (): void => observer.disconnect();
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const release = scope.add(disconnect);
    scope.later(() => {
      busy = false;
      disconnect();
      release();
      if (!changed && location.href === href && document.activeElement === focus && document.visibilityState !== 'hidden' && !leavesPage(el, event)) onDead(el);
    }, DEAD_CLICK_MS);
  };
}
