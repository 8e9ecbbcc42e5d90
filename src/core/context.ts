import type { ConsentState, EventContext, PageContext } from '../types';
import type { Scan } from './sanitize';
import { VERSION } from './version';

/** Builds `event.context` for one event; adds its size bound to `scan.bytes`. */
export type ContextReader = (consent: ConsentState, scan: Scan) => EventContext;

type Device = Pick<EventContext, 'timezone' | 'locale' | 'userAgent' | 'screen'>;

// Device facts (zone, language, user agent, screen) are DOM reads of ~0.2–0.5 µs each and
// change rarely (a rotation, a language switch): re-read them at most this often.
const DEVICE_TTL_MS = 1000;

/**
 * Creates the context reader. It runs on every event, so it reads as little as it can:
 * `location.href` every time (an SPA may have navigated since the last event), the rest of
 * the page only when the URL changed or after {@link DEVICE_TTL_MS}, device facts at most
 * once per {@link DEVICE_TTL_MS}. Everything is guarded, so it works in Node or a worker.
 */
export function createContext(redact: (s: string) => string): ContextReader {
  let href: string | undefined;
  let page: PageContext | undefined;
  let device: Device = {};
  let readAt = -Infinity;

  return (consent, scan) => {
    const c: EventContext = { library: { name: 'sightline', version: VERSION }, consent };
    // Ids, timestamp, library, screen…: the envelope around properties stays under this.
    scan.bytes += 2400;
    try {
      const now = Date.now();
      const stale = now - readAt > DEVICE_TTL_MS;
      if (stale) {
        readAt = now;
        device = readDevice();
      }
      Object.assign(c, device, device.screen && { screen: { ...device.screen } });
      if (device.userAgent) scan.bytes += device.userAgent.length * 6;
      if (typeof document == 'object') {
        const current = location.href;
        if (current !== href || stale || !page) {
          href = current;
          const { title, referrer } = document;
          page = { path: redact(location.pathname), url: redact(current), title: redact(title), referrer: redact(referrer), search: redact(location.search) };
        }
        c.page = { ...page };
        // path and search are parts of the URL, and redaction at most doubles a string.
        scan.bytes += (page.url.length + page.title.length + page.referrer.length) * 24;
      }
    } catch {
      // A hostile or partial environment: the context keeps what could be read.
    }
    return c;
  };
}

// typeof guards, not exceptions: Node and workers lack these, and a throw per event is slow.
function readDevice(): Device {
  const device: Device = { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  if (typeof navigator == 'object') {
    device.locale = navigator.language;
    device.userAgent = navigator.userAgent;
  }
  if (typeof screen == 'object') device.screen = { width: screen.width, height: screen.height, density: devicePixelRatio };
  return device;
}
