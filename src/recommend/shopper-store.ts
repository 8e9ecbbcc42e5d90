import type { SightlineClient } from '../types';
import { guard } from '../lib/guard';
import { clearRecoHistory, emptyRecoHistory, loadRecoHistory, saveRecoHistory } from '../storage/reco-history';
import type { Observed } from './observe';
import { observe } from './observe';
import type { Shopper } from './shopper';
import { shopper } from './shopper';

/** This page's events kept for a consent grant: more than the history keeps of items. */
const UNSAVED_LIMIT = 200;

/** Options of {@link shopperStore}. */
export interface ShopperStoreOptions {
  /** Keep the history in localStorage (only while personalization consent is granted). */
  persist: boolean;
  /** localStorage key. */
  key: string;
  /** Called after each commerce event was applied (the recommender prefetches shards). */
  onObserved(o: Observed): void;
  /** Receives what a listener threw. */
  onFail(error: unknown): void;
}

/** The shopper state, fed by a client's events, persisted with consent. */
export interface ShopperStore {
  current(): Shopper;
  /** Starts watching `client`; returns the function that stops. */
  attach(client: SightlineClient): () => void;
}

/**
 * Keeps the shopper state up to date from commerce events and, with personalization
 * consent, in localStorage: restored at attach, saved after each event, forgotten on
 * `reset()` and when consent is withdrawn.
 */
export const shopperStore = (o: ShopperStoreOptions): ShopperStore => {
  let state: Shopper = shopper(emptyRecoHistory());
  return {
    current: () => state,
    attach(client) {
      const allowed = (): boolean => o.persist && client.consent.get().personalization;
      // The stored history: at attach, and each time another tab of the shop saved its own
      // after an event (or forgot it), so that tabs open at the same time add to one history
      // instead of each writing back what it read at attach.
      const take = (): void => {
        if (allowed()) state = shopper(loadRecoHistory(o.key));
      };
      // Events applied while the history could not be stored (consent not yet granted):
      // a grant later in the page adds them to the stored history instead of storing this
      // page's events over the history of earlier pages.
      let unsaved: Observed[] = [];
      let stored = allowed();
      take();
      const onStorage = guard((e: StorageEvent) => e.key == o.key && take(), o.onFail);
      globalThis.addEventListener?.('storage', onStorage);
      const stops = [
        () => globalThis.removeEventListener?.('storage', onStorage),
        client.on('event', guard((event) => {
          const seen = observe(event);
          if (!seen) return;
          state.apply(seen);
          if (allowed()) saveRecoHistory(o.key, state.snapshot());
          else if (o.persist) unsaved = [...unsaved, seen].slice(-UNSAVED_LIMIT);
          o.onObserved(seen);
        }, o.onFail)),
        client.on('reset', guard(() => {
          state = shopper(emptyRecoHistory());
          unsaved = [];
          clearRecoHistory(o.key);
        }, o.onFail)),
        client.on('consent', guard((consent) => {
          const was = stored;
          stored = allowed();
          if (!consent.personalization) clearRecoHistory(o.key);
          if (was || !stored) return;
          // Granted now: the earlier pages' history, with this page's events on top.
          take();
          unsaved.forEach((seen) => state.apply(seen));
          if (unsaved.length) saveRecoHistory(o.key, state.snapshot());
          unsaved = [];
        }, o.onFail)),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
};
