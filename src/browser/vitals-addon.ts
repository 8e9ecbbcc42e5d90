// The web-vitals add-on (dist/sightline-vitals.iife.js), loaded by the main script beside
// itself when `data-autocapture` includes vitals. web-vitals observes with `buffered: true`,
// so metrics that happened before this file arrived are still reported.
import { vitals } from '../capture';
import type { SightlineClient } from '../types';

type Host = { sightline?: { ready?(fn: (client: SightlineClient) => void): void }; __sightlineVitals?: boolean };

try {
  const host = (typeof window !== 'undefined' ? window : {}) as Host;
  // A second copy of the add-on must not report every metric twice.
  if (!host.__sightlineVitals && host.sightline && typeof host.sightline.ready === 'function') {
    host.__sightlineVitals = true;
    host.sightline.ready((client) => void client.use(vitals()));
  }
} catch {
  // Never break the page; without vitals the rest of sightline keeps working.
}
