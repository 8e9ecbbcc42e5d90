import { vi } from 'vitest';

/** The page is going away (navigation, reload, bfcache): what onPageExit listens to on desktop. */
export function dispatchPageHide(): void {
  window.dispatchEvent(new Event('pagehide'));
}

/** The tab was hidden (switch, minimise, mobile kill): the last reliable event on mobile. */
export function dispatchVisibilityChange(state: DocumentVisibilityState): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The network came back. */
export function dispatchOnline(): void {
  window.dispatchEvent(new Event('online'));
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
export function spyOnBeacon(): { calls: { url: string; bytes: number }[] } {
  const calls: { url: string; bytes: number }[] = [];
  const real = navigator.sendBeacon.bind(navigator);
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, data) => {
    calls.push({ url: String(url), bytes: new TextEncoder().encode(String(data)).byteLength });
    return real(url, data);
  });
  return { calls };
}
