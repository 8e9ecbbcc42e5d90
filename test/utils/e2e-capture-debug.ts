import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './e2e-artifacts';

/** The debug panel (open it with `?debug=1` or the backquote key). */
export function debugPanel(page: Page): Locator {
  return page.locator('[data-testid="debug-panel"]');
}

/**
 * The panel's rows for one event: a track event by name (`Rage Click`), a page view as
 * `{ type: 'page', name: path }`.
 */
export function debugRows(page: Page, name: string, type = 'track'): Locator {
  return debugPanel(page).locator('[data-testid="debug-event"]')
    .filter({ has: page.locator('.type', { hasText: new RegExp(`^${type}$`) }) })
    .filter({ has: page.locator('.name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
}

/** Resolves once the panel lists at least `count` rows for the event (see {@link debugRows}). */
export async function waitForDebugRow(page: Page, name: string, { type = 'track', count = 1 } = {}): Promise<void> {
  await debugRows(page, name, type).nth(count - 1).waitFor({ state: 'attached', timeout: 15_000 });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Saves `test/e2e/.artifacts/<name>.png` of the panel alone, its event list unfolded (the
 * list normally scrolls after ~15 rows), so one picture shows the whole log.
 */
export async function shootDebugPanel(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.addStyleTag({ content: '.debug-events { max-height: none !important; }' });
  const path = `${ARTIFACTS_DIR}/${name}.png`;
  await debugPanel(page).screenshot({ path, animations: 'disabled' });
  return path;
}
