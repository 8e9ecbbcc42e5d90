import type { RecoHistory } from '../storage/reco-history';
import type { Observed } from './observe';

/** Inactivity that starts a new session when no session plugin provides `context.session`. */
export const SESSION_GAP_MS = 30 * 60_000;

/** Bounds of what is remembered: enough for recommendations, small in localStorage. */
export const HISTORY_LIMITS = { items: 50, cart: 50, bought: 100 } as const;

/** The shopper as the recommender sees them: this session, earlier sessions, cart, purchases. */
export interface Shopper {
  apply(o: Observed): void;
  /** Items of the current session, oldest first. */
  session(): string[];
  /** Items of earlier sessions on this device, oldest first. */
  earlier(): string[];
  /** Items in the cart or bought: never recommended. */
  owned(): Set<string>;
  snapshot(): RecoHistory;
}

/** Creates the shopper state from a stored history (or an empty one). */
export const shopper = (initial: RecoHistory, now: () => number = Date.now): Shopper => {
  const h: RecoHistory = { v: 1, items: [...initial.items], cart: [...initial.cart], bought: [...initial.bought] };
  const last = (): RecoHistory['items'][number] | undefined => h.items[h.items.length - 1];
  const currentKey = (): string | undefined => {
    const l = last();
    return l && now() - l.t <= SESSION_GAP_MS ? l.s : undefined;
  };
  const keyFor = (o: Observed): string => {
    if (o.sessionId) return o.sessionId;
    const l = last();
    return l && o.time - l.t <= SESSION_GAP_MS ? l.s : `t${o.time.toString(36)}`;
  };
  const bounded = (list: string[], max: number): string[] => list.slice(Math.max(0, list.length - max));
  return {
    apply(o) {
      const s = keyFor(o);
      if (o.kind === 'remove') h.cart = h.cart.filter((id) => !o.items.includes(id));
      if (o.kind === 'add') h.cart = bounded([...h.cart.filter((id) => !o.items.includes(id)), ...o.items], HISTORY_LIMITS.cart);
      if (o.kind === 'buy') {
        h.bought = bounded([...h.bought.filter((id) => !o.items.includes(id)), ...o.items], HISTORY_LIMITS.bought);
        h.cart = h.cart.filter((id) => !o.items.includes(id));
      }
      if (o.kind === 'view' || o.kind === 'add') {
        h.items = [...h.items, ...o.items.map((i) => ({ i, t: o.time, s }))].slice(-HISTORY_LIMITS.items);
      }
    },
    session() {
      const key = currentKey();
      return key === undefined ? [] : h.items.filter((x) => x.s === key).map((x) => x.i);
    },
    earlier() {
      const key = currentKey();
      return h.items.filter((x) => x.s !== key).map((x) => x.i);
    },
    owned: () => new Set([...h.cart, ...h.bought]),
    snapshot: () => h,
  };
};
