import type { ConsentState, EventContext, PageContext } from '../types';
import type { Scan } from './sanitize';
import { VERSION } from './version';

/** Builds `event.context` for one event; adds its size bound to `scan.bytes`. */
export type ContextReader = (consent: ConsentState, scan: Scan) => EventContext;

/**
 * Creates the context reader. Everything is read when an event is made (the page may have
 * changed since the last one) and guarded, so it works in Node or a worker (no page then).
 * The redacted page is kept until the URL, title or referrer change.
 */
export function createContext(redact: (s: string) => string): ContextReader {
  let key: string | undefined;
  let page: PageContext;
  let timezone: string | undefined;

  return (consent, scan) => {
    const c: EventContext = { library: { name: 'sightline', version: VERSION }, consent };
    // Ids, timestamp, library, screen…: the envelope around properties stays under this.
    scan.bytes += 2400;
    // typeof guards, not exceptions: Node and workers lack these, and a throw per event is slow.
    try {
      // Intl.DateTimeFormat() costs tens of µs: read the zone once.
      c.timezone = timezone ||= Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (typeof navigator == 'object') {
        c.locale = navigator.language;
        scan.bytes += (c.userAgent = navigator.userAgent).length * 6;
      }
      if (typeof screen == 'object') c.screen = { width: screen.width, height: screen.height, density: devicePixelRatio };
      if (typeof document == 'object') {
        const { href, pathname, search } = location;
        const { title, referrer } = document;
        const now = href + '\0' + title + '\0' + referrer;
        if (now != key) {
          key = now;
          page = { path: redact(pathname), url: redact(href), title: redact(title), referrer: redact(referrer), search: redact(search) };
        }
        c.page = { ...page };
        // path and search are parts of the URL, and redaction at most doubles a string.
        scan.bytes += now.length * 24;
      }
    } catch {
      // A hostile or partial environment: the context keeps what could be read.
    }
    return c;
  };
}
