import { mountConsent } from './consent-banner.js';
import { mountDebugPanel } from './debug-panel.js';
import { mountLayout } from './layout.js';

/** What every page does first: layout, debug panel (subscribes early), consent banner. */
export function bootPage({ active = '', query = '' } = {}) {
  mountLayout({ active, query });
  mountDebugPanel();
  mountConsent();
}
