import { vi } from 'vitest';

/** Replaces the body with `html` and returns the element matching `selector` (if given). */
export function render(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The element matching `selector`, or a failing test. */
export function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

/**
 * Dispatches a real click (bubbling, cancelable) at a screen position. The page's default
 * action is prevented (as an SPA router does) unless `navigate` is set: happy-dom would
 * otherwise really follow links and change the test's URL.
 */
export function click(target: Element | string, at: { x?: number; y?: number; navigate?: boolean } = {}): MouseEvent {
  const el = typeof target === 'string' ? $(target) : target;
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, clientX: at.x ?? 10, clientY: at.y ?? 10, detail: 1 });
  const prevent = (e: Event): void => e.preventDefault();
  if (!at.navigate) window.addEventListener('click', prevent, { once: true });
  el.dispatchEvent(event);
  window.removeEventListener('click', prevent);
  return event;
}

/** Focuses a field the way a shopper does (focusin bubbles), or blurs it. */
export function focus(target: Element | string): void {
  const el = typeof target === 'string' ? $(target) : target;
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
}

/** Blurs a field (focusout bubbles). */
export function blurField(target: Element | string): void {
  const el = typeof target === 'string' ? $(target) : target;
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/** Sets document.visibilityState and fires visibilitychange. */
export function dispatchVisibilityChange(state: DocumentVisibilityState): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Fires pagehide, as a real navigation away does. */
export function dispatchPageHide(): void {
  window.dispatchEvent(new Event('pagehide'));
}

/**
 * Fires pageshow; `persisted` as when the browser restores the page from its back/forward
 * cache (happy-dom has no PageTransitionEvent, so the flag is set on a plain Event).
 */
export function dispatchPageShow(persisted: boolean): void {
  window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted }));
}

/** Makes the page `height` px tall in a `viewport` px window scrolled to `y`, and fires scroll. */
export function scrollTo(y: number, page: { height: number; viewport: number } = { height: 4000, viewport: 1000 }): void {
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(page.height);
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(page.viewport);
  vi.spyOn(window, 'scrollY', 'get').mockReturnValue(y);
  window.dispatchEvent(new Event('scroll'));
}

/** Lets navigation and page-view timers (next frame, 100 ms fallback) run under fake timers. */
export function settleFrame(): void {
  vi.advanceTimersByTime(120);
}

/** Resets the URL (without our history wrappers noticing: call before plugins start). */
export function resetUrl(path = '/'): void {
  window.history.replaceState(null, '', path);
}

/** Sets location.hash and resolves once the page saw its hashchange (happy-dom fires it on a real timer). */
export function changeHash(hash: string): Promise<void> {
  const seen = new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
  location.hash = hash;
  return seen;
}

/** Every getter that exposes what a shopper typed or chose. */
const VALUE_GETTERS: Array<[object, string]> = [
  [HTMLInputElement.prototype, 'value'],
  [HTMLInputElement.prototype, 'checked'],
  [HTMLInputElement.prototype, 'files'],
  [HTMLInputElement.prototype, 'valueAsNumber'],
  [HTMLTextAreaElement.prototype, 'value'],
  [HTMLSelectElement.prototype, 'value'],
  [HTMLSelectElement.prototype, 'selectedIndex'],
  [HTMLSelectElement.prototype, 'selectedOptions'],
];

/**
 * Spies on the value getters of inputs, textareas and selects and returns the call sites
 * that are SDK code (under src/). happy-dom itself reads values while parsing, so a bare
 * "never called" would test happy-dom, not us.
 */
export function watchValueReads(): () => string[] {
  const sdk: string[] = [];
  for (const [proto, name] of VALUE_GETTERS) {
    const original = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (!original) throw new Error(`${name} is not an accessor here`);
    const spy = vi.spyOn(proto as Record<string, unknown>, name, 'get') as unknown as { mockImplementation(fn: (this: unknown) => unknown): void };
    spy.mockImplementation(function (this: unknown) {
      const caller = (new Error().stack ?? '').split('\n').find((line) => line.includes('/src/'));
      if (caller) sdk.push(`${name} ← ${caller.trim()}`);
      return original.call(this);
    });
  }
  return () => sdk;
}
