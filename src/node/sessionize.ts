import type { EventItems } from './event-items';

/** Default inactivity that ends a session, as in the SDK's session plugin and GA. */
export const SESSION_GAP_MS = 30 * 60_000;

/** Most items kept per session: a bot's endless crawl must not dominate the corpus or memory. */
const MAX_SESSION_ITEMS = 200;

interface Open {
  last: number;
  items: string[];
}

/** Groups events into sessions; closed sessions come out through `emit`, oldest-ending first per batch. */
export interface Sessionizer {
  push(e: EventItems): void;
  /** Closes sessions idle for longer than the gap at the newest time seen (call every few thousand events). */
  sweep(): void;
  /** Closes everything still open. */
  end(): void;
}

/**
 * Sessions are keyed by `context.session.id` when the session plugin added it, else by
 * visitor; either way 30 minutes without events ends one. Events may come slightly out
 * of order; an event for a session already swept out starts a new session.
 */
export function sessionizer(emit: (items: string[]) => void, gapMs = SESSION_GAP_MS): Sessionizer {
  const open = new Map<string, Open>();
  let newest = -Infinity;
  const close = (entries: [string, Open][]): void => {
    entries.sort((a, b) => a[1].last - b[1].last);
    for (const [key, s] of entries) {
      open.delete(key);
      emit(s.items);
    }
  };
  return {
    push(e) {
      const key = e.sessionId !== undefined ? `s:${e.sessionId}` : `v:${e.visitor}`;
      let s = open.get(key);
      if (s && e.time - s.last > gapMs) {
        close([[key, s]]);
        s = undefined;
      }
      if (!s) open.set(key, (s = { last: e.time, items: [] }));
      s.last = Math.max(s.last, e.time);
      newest = Math.max(newest, e.time);
      for (const id of e.items) if (s.items.length < MAX_SESSION_ITEMS) s.items.push(id);
    },
    sweep() {
      close([...open].filter(([, s]) => newest - s.last > gapMs));
    },
    end() {
      close([...open]);
    },
  };
}
