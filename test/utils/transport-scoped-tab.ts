import { vi } from 'vitest';
import type { CollectorOptions } from '../../src/transport';
import { openTab } from './transport-tab';
import type { TransportTab } from './transport-tab';

/** A tab that can be hidden on its own (see {@link openScopedTab}). */
export interface ScopedTab extends TransportTab {
  /** Fires this tab's `visibilitychange` with the page hidden (a tab switch). */
  hide(): void;
  /** Fires this tab's `visibilitychange` with the page visible (back to the tab). */
  show(): void;
  /** Fires this tab's `pagehide` (the tab is closed, or navigates away). */
  leave(): void;
}

let visibility: DocumentVisibilityState = 'visible';

/**
 * openTab, except that the tab's document and window listeners go to targets of its own:
 * happy-dom has one document, so hiding it would hide every tab over the queue at once.
 * Restore with vi.restoreAllMocks() at the end of the test.
 */
export async function openScopedTab(options: Partial<CollectorOptions> & { queue: { name: string } }): Promise<ScopedTab> {
  const doc = new EventTarget();
  const win = new EventTarget();
  const toDoc = vi.spyOn(document, 'addEventListener').mockImplementation((type, fn, o) => doc.addEventListener(type, fn, o));
  const toWin = vi.spyOn(window, 'addEventListener').mockImplementation((type, fn, o) => win.addEventListener(type, fn, o));
  let tab: TransportTab;
  try {
    tab = await openTab(options);
  } finally {
    toDoc.mockRestore();
    toWin.mockRestore();
  }
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  return {
    ...tab,
    hide() {
      visibility = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
      visibility = 'visible';
    },
    show() {
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    leave() {
      win.dispatchEvent(new Event('pagehide'));
    },
  };
}
