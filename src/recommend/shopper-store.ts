import type { SightlineClient } from '../types';
import { guard } from '../lib/guard';
import { clearRecoHistory, emptyRecoHistory, loadRecoHistory, saveRecoHistory } from '../storage/reco-history';
import type { Observed } from './observe';
import { observe } from './observe';
import type { Shopper } from './shopper';
import { shopper } from './shopper';

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
          o.onObserved(seen);
        }, o.onFail)),
        client.on('reset', guard(() => {
          state = shopper(emptyRecoHistory());
          clearRecoHistory(o.key);
        }, o.onFail)),
        client.on('consent', guard((consent) => {
          if (!consent.personalization) clearRecoHistory(o.key);
        }, o.onFail)),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
};
