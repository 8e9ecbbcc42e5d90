import type { SightlineClient } from '../types';
import { guard } from '../lib/guard';
import { clearRecoHistory, emptyRecoHistory, loadRecoHistory, saveRecoHistory } from '../storage/reco-history';
import type { Observed } from './observe';
import { observe } from './observe';
import type { Shopper } from './shopper';
import { shopper } from './shopper';

/** This page's events kept for a consent grant or withdrawal: more than the history keeps of items. */
const PAGE_LIMIT = 200;

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
 * `reset()` and when consent is withdrawn. The state is one shopper's, the anonymous id's:
 * events tracked before a `reset()` (the core hands them on a moment later) are left out,
 * and an identity another tab's logout brought in starts over.
 */
export const shopperStore = (o: ShopperStoreOptions): ShopperStore => {
  let state: Shopper = shopper(emptyRecoHistory());
  // Set at attach: takes up another shopper (see follow) before the state is read.
  let follow = (): void => {};
  return {
    current: () => (follow(), state),
    attach(client) {
      const allowed = (): boolean => o.persist && client.consent.get().personalization;
      // The stored history: at attach, and each time another tab of the shop saved its own
      // after an event (or forgot it), so that tabs open at the same time add to one history
      // instead of each writing back what it read at attach.
      const take = (): void => {
        if (allowed()) state = shopper(loadRecoHistory(o.key));
      };
      // This page's events (of this shopper), in memory whatever the consent: a grant later in
      // the page adds them to the stored history instead of storing this page's events over the
      // history of earlier pages, and a withdrawal keeps them alone.
      let here: Observed[] = [];
      // Whose the state is. Another tab's logout changes the identity without a hook here (the
      // core takes it up from storage): the old shopper's events must not go on.
      let owner = client.user().anonymousId;
      const restart = (anonymousId: string): void => {
        owner = anonymousId;
        state = shopper(emptyRecoHistory());
        here = [];
      };
      follow = () => {
        const { anonymousId } = client.user();
        if (anonymousId == owner) return;
        restart(anonymousId);
        take();
      };
      let stored = allowed();
      take();
      const onStorage = guard((e: StorageEvent) => e.key == o.key && take(), o.onFail);
      globalThis.addEventListener?.('storage', onStorage);
      const stops = [
        () => globalThis.removeEventListener?.('storage', onStorage),
        () => (follow = () => {}),
        client.on('event', guard((event) => {
          follow();
          // Tracked before a reset(): the last shopper's.
          if (event.anonymousId != owner) return;
          const seen = observe(event);
          if (!seen) return;
          state.apply(seen);
          here = [...here, seen].slice(-PAGE_LIMIT);
          if (allowed()) saveRecoHistory(o.key, state.snapshot());
          o.onObserved(seen);
        }, o.onFail)),
        client.on('reset', guard(({ anonymousId }) => {
          restart(anonymousId);
          clearRecoHistory(o.key);
        }, o.onFail)),
        client.on('consent', guard((consent) => {
          follow();
          const was = stored;
          stored = allowed();
          if (!consent.personalization) clearRecoHistory(o.key);
          if (was == stored) return;
          // Granted now: the earlier pages' history, with this page's events on top. Withdrawn:
          // this page's events alone, as for a shopper who never consented (the earlier pages'
          // history was read under the consent now withdrawn).
          if (stored) take();
          else state = shopper(emptyRecoHistory());
          here.forEach((seen) => state.apply(seen));
          if (stored && here.length) saveRecoHistory(o.key, state.snapshot());
        }, o.onFail)),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
};
