import type { ConsentState, EventContext } from '../types';
import { second } from '../lib/iso-time';
import type { Scan } from './sanitize';
import { VERSION } from './version';

/** Builds `event.context` for one event; adds its size bound to `scan.bytes`. */
export type ContextReader = (consent: ConsentState, scan: Scan) => EventContext;

type Facts = Pick<EventContext, 'page' | 'locale' | 'timezone' | 'screen' | 'userAgent'>;

/**
 * Creates the context reader. It runs on every event, so it reads as little as it can:
 * `location.href` every time (an SPA may have navigated since the last event); the page and
 * device facts (zone, language, user agent, screen, title: DOM reads of ~0.2–0.5 µs each
 * that change rarely) only when the URL changed or a new second of event time began (the
 * second of the last timestamp formatted, see lib/iso-time), so at most about once a
 * second. In Node or a worker it reads what exists.
 */
export const createContext = (redact: (s: string) => string): ContextReader => {
  let href: unknown;
  let facts: Facts = {};
  let bytes = 0;
  let readAt: number | undefined;

  return (consent, scan) => {
    const url = typeof document == 'object' && location.href;
    if (url != href || second != readAt) {
      readAt = second;
      href = url;
      // Read in this order until a global is missing: the environments without a screen
      // (Node, workers) have no document either. A throw per read would be slow, but this
      // runs about once a second at most.
      facts = {};
      try {
        facts.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        facts.locale = navigator.language;
        facts.userAgent = navigator.userAgent;
        facts.screen = { width: screen.width, height: screen.height, density: devicePixelRatio };
        // `url` is location.href, read above (a document exists once the screen does).
        facts.page = { path: redact(location.pathname), url: redact(url as string), title: redact(document.title), referrer: redact(document.referrer), search: redact(location.search) };
      } catch {
        // Node and workers have no screen and no document: what they have is read.
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit of the JSON.
      bytes = JSON.stringify(facts).length * 3;
    }
    // The rest of the envelope: the page name (twice) and the ids at 200 characters of 6
    // bytes each in JSON (a control character is `\u0001`), timestamp, library, consent.
    scan.bytes += bytes + 6144;
    // Copies: a plugin editing one event's context changes no other.
    const { page, screen: size } = facts;
    return { ...facts, page: page && { ...page }, screen: size && { ...size }, library: { name: 'sightline', version: VERSION }, consent };
  };
};

