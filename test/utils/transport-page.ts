import { vi } from 'vitest';

/** The page is going away (navigation, reload, bfcache): what the collector listens to on desktop. */
export function dispatchPageHide(): void {
  window.dispatchEvent(new Event('pagehide'));
}

/** The tab was hidden (switch, minimise, mobile kill): the last reliable event on mobile. */
export function dispatchVisibilityChange(state: DocumentVisibilityState): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * Another tab's localStorage write of `key` reaching this one: browsers fire `storage` in
 * every other document of the origin; happy-dom, with one window, fires none.
 */
export function dispatchStorage(key: string): void {
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: localStorage.getItem(key) }));
}

/** The network came back. */
export function dispatchOnline(): void {
  window.dispatchEvent(new Event('online'));
}

/** The browser knows it is offline (`navigator.onLine` false). Returns the function that ends it. */
export function goOffline(): () => void {
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  return () => onLine.mockRestore();
}

/**
 * Runs microtasks only — no task, so no IndexedDB commit and no network — until
 * `done()` holds: what happens between track() calls and a pagehide in the same click.
 */
export async function microtasksUntil(done: () => boolean, limit = 100_000): Promise<void> {
  for (let i = 0; i < limit && !done(); i++) await Promise.resolve();
  if (!done()) throw new Error('condition not reached with microtasks alone');
}

/** Records every sendBeacon call (and lets it through to the network). */
export function spyOnBeacon(): { calls: { url: string; bytes: number; body: string }[] } {
  const calls: { url: string; bytes: number; body: string }[] = [];
  const real = navigator.sendBeacon.bind(navigator);
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, data) => {
    calls.push({ url: String(url), bytes: new TextEncoder().encode(String(data)).byteLength, body: String(data) });
    return real(url, data);
  });
  return { calls };
}

/**
 * A stand-in for the Navigation API (happy-dom has none): `navigate(url)` fires the
 * `navigate` event a link click fires before a cross-document navigation, `intercepted()`
 * the `navigatesuccess` of one a single-page app took over. Undo with vi.unstubAllGlobals().
 */
export function installNavigation(): { navigate(url: string): void; intercepted(): void } {
  const navigation = new EventTarget();
  vi.stubGlobal('navigation', navigation);
  return {
    navigate(url) {
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url, sameDocument: false } }));
    },
    intercepted() {
      navigation.dispatchEvent(new Event('navigatesuccess'));
    },
  };
}
