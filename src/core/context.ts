import type { ConsentState, EventContext } from '../types';
import type { Scan } from './sanitize';
import { VERSION } from './version';

/** Builds `event.context` for one event; adds its size bound to `scan.bytes`. */
export type ContextReader = (consent: ConsentState, scan: Scan) => EventContext;

type Facts = Pick<EventContext, 'page' | 'locale' | 'timezone' | 'screen' | 'userAgent'>;

// The page and device facts (zone, language, user agent, screen) are DOM reads of ~0.2–0.5 µs
// each and change rarely (a title, a rotation): re-read them at most this often.
const TTL_MS = 1000;

/**
 * Creates the context reader. It runs on every event, so it reads as little as it can:
 * `location.href` every time (an SPA may have navigated since the last event), the page and
 * the device only when the URL changed or after {@link TTL_MS}. In Node or a worker it reads
 * what exists.
 */
export function createContext(redact: (s: string) => string): ContextReader {
  let href: unknown;
  let facts: Facts = {};
  let bytes = 0;
  let readAt = -Infinity;

  return (consent, scan) => {
    const now = Date.now();
    const url = typeof document == 'object' && location.href;
    if (url !== href || now - readAt > TTL_MS) {
      readAt = now;
      href = url;
      facts = {};
      try {
        readFacts(redact, facts);
      } catch {
        // Node and workers have no screen and no document: what they have is read.
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit of the JSON.
      bytes = JSON.stringify(facts).length * 3;
    }
    // Ids, timestamp, library, consent: the rest of the envelope stays under 2400 bytes.
    scan.bytes += 2400 + bytes;
    const { page, screen } = facts;
    // Copies: a plugin editing one event's context changes no other.
    const c: EventContext = { ...facts, library: { name: 'sightline', version: VERSION }, consent };
    if (page) c.page = { ...page };
    if (screen) c.screen = { ...screen };
    return c;
  };
}

// Read in this order until a global is missing: the environments without a screen (Node,
// workers) have no document either. A throw per read would be slow, but this runs at most
// once a second.
function readFacts(redact: (s: string) => string, f: Facts): void {
  f.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  f.locale = navigator.language;
  f.userAgent = navigator.userAgent;
  f.screen = { width: screen.width, height: screen.height, density: devicePixelRatio };
  f.page = { path: redact(location.pathname), url: redact(location.href), title: redact(document.title), referrer: redact(document.referrer), search: redact(location.search) };
}
