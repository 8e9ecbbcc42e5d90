import type { EventItems } from './event-items';

/** Default inactivity that ends a session, as in the SDK's session plugin and GA. */
export const SESSION_GAP_MS = 30 * 60_000;

/** Most items kept per session: a bot's endless crawl must not dominate the corpus or memory. */
export const MAX_SESSION_ITEMS = 200;

interface Open {
  last: number;
  items: string[];
}

/** Groups events into sessions; closed sessions come out through `emit` in the order they ended. */
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
  // Open sessions in the order they last had an event: for a log in time order, the idle
  // ones are at the front, so each push closes them there in the order they ended.
  const open = new Map<string, Open>();
  let newest = -Infinity;
  const idle = (s: Open): boolean => newest - s.last > gapMs;
  const close = (entries: [string, Open][]): void => {
    entries.sort((a, b) => a[1].last - b[1].last);
    for (const [key, s] of entries) {
      open.delete(key);
      emit(s.items);
    }
  };
  const closeIdleFront = (): void => {
    const ended: [string, Open][] = [];
    for (const entry of open) {
      if (!idle(entry[1])) break;
      ended.push(entry);
    }
    close(ended);
  };
  return {
    push(e) {
      newest = Math.max(newest, e.time);
      // Before anything of this event: a visitor back after the gap must not have their
      // last session come out ahead of others that ended before it.
      closeIdleFront();
      const key = e.sessionId !== undefined ? `s:${e.sessionId}` : `v:${e.visitor}`;
      let s = open.get(key);
      if (s) {
        open.delete(key);
        // Over the gap yet behind the front (an event out of order kept it there): it ends here.
        if (e.time - s.last > gapMs) {
          emit(s.items);
          s = undefined;
        }
      }
      s ??= { last: e.time, items: [] };
      open.set(key, s);
      s.last = Math.max(s.last, e.time);
      for (const id of e.items) if (s.items.length < MAX_SESSION_ITEMS) s.items.push(id);
    },
    sweep() {
      close([...open].filter(([, s]) => idle(s)));
    },
    end() {
      close([...open]);
    },
  };
}
