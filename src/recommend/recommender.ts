import type { Plugin, SightlineClient, SightlineError } from '../types';
import { recoHistoryKey } from '../storage/reco-history';
import { RECOMMEND_ERRORS } from './errors';
import type { LoadModelOptions } from './loader/options';
import { loadModel } from './loader/load-model';
import type { ListView } from './measure';
import { trackRecommendationClicked, trackRecommendationViewed } from './measure';
import type { Model } from './model/model';
import { fallbackModel, isModel } from './model/model';
import type { Recommendation, RecommendOptions } from './recommend-for';
import { recommendFor } from './recommend-for';
import { shopperStore } from './shopper-store';

/** Options of {@link recommender}. */
export interface RecommenderOptions {
  /** A loaded model, a promise of one, or the URL of a `.slrm` file (loaded with `loader`). */
  model: Model | Promise<Model> | string;
  loader?: Omit<LoadModelOptions, 'onError' | 'onUpdate'>;
  /** Keep the shopper's history in localStorage (default true; needs personalization consent). */
  persist?: boolean;
  /** localStorage key prefix (default `sl`). */
  storagePrefix?: string;
  /** Weight of items from earlier sessions relative to this session's (default 0.3). */
  historyWeight?: number;
}

/** The recommender: a plugin that watches commerce events, plus the recommendation API. */
export interface Recommender extends Plugin {
  /** Recommends `k` items for the shopper now. Never throws; `[]` when there is nothing to say. */
  recommend(options?: RecommendOptions): Recommendation[];
  /** The model in use (a fallback until the real one has loaded). */
  model(): Model;
  /**
   * Resolves once the model passed in options is loaded (or has fallen back), with the
   * model in use then: the one given to {@link Recommender.setModel} if that came first.
   */
  readonly ready: Promise<Model>;
  /**
   * Uses `model` from now on. The shop's choice is final: neither a load of the `model`
   * option that finishes later nor a newer model that a background revalidation of it finds
   * replaces it; only another `setModel` does. What is no model (null, a URL, a promise)
   * changes nothing and is reported as `recommend/model-unavailable`.
   */
  setModel(model: Model): void;
  /** Tracks "Recommendation Viewed" for a list shown to the shopper. */
  viewed(listId: string, items: readonly Recommendation[]): void;
  /** Tracks "Recommendation Clicked" for the item at `position` (1-based) of a list. */
  clicked(listId: string, item: Recommendation, position: number): void;
}

/**
 * Creates the on-device recommender. Add it as a plugin (`client.use(reco)`) so it sees
 * Product Viewed / Added / Removed and Order Completed events; call `recommend()` any
 * time. Feature folders do not import each other: a session id is read from
 * `event.context.session` when the session plugin put it there.
 */
export const recommender = (given: RecommenderOptions): Recommender => {
  // Plain JavaScript may pass null or no model: nothing throws, and resolveModel reports it.
  const options = Object(given) as RecommenderOptions;
  let client: SightlineClient | undefined;
  const pending: SightlineError[] = [];
  const report = (e: SightlineError): void => (client ? client.reportError(e) : void pending.push(e));
  let current: Model = fallbackModel(options.loader?.popular);
  // The model given to setModel: the loader's (its first load, its updates) no longer replace it.
  let chosen: Model | undefined;
  const loaded = (m: Model): Model => (current = chosen || m);
  let stop = (): void => {};
  // The version of the model that made each recommendation: a list is seen, and clicked,
  // after a newer model (or the real one after the fallback) may have come in.
  const madeBy = new WeakMap<object, string>();
  const versionOf = (item: unknown): string => madeBy.get(Object(item)) ?? current.meta.version;
  const shoppers = shopperStore({
    persist: options.persist !== false,
    key: recoHistoryKey(options.storagePrefix),
    onObserved: (o) => void current.store.prepare?.(o.items.map((id) => current.ids.indexOf(id))),
    onFail: (error) => report({ code: RECOMMEND_ERRORS.listenerFailed, message: String(error), source: 'sdk' }),
  });
  const self: Recommender = {
    name: 'recommender',
    ready: resolveModel(options, report, loaded).then(loaded),
    setup(c) {
      client = c;
      pending.splice(0).forEach((e) => c.reportError(e));
      stop = shoppers.attach(c);
    },
    teardown: () => stop(),
    recommend(o = {}) {
      try {
        const list = recommendFor(current, shoppers.current(), { historyWeight: options.historyWeight ?? 0.3, ...o });
        list.forEach((item) => madeBy.set(item, current.meta.version));
        return list;
      } catch (error) {
        report({ code: RECOMMEND_ERRORS.listenerFailed, message: `recommend failed: ${String(error)}`, source: 'sdk' });
        return [];
      }
    },
    model: () => current,
    setModel(m) {
      // Plain JavaScript may pass null, a URL or a promise: the model in use stays, and no choice was made.
      if (isModel(m)) current = chosen = m;
      else report({ code: RECOMMEND_ERRORS.modelUnavailable, message: 'setModel: no model given', source: 'user' });
    },
    viewed(listId, items) {
      // Plain JavaScript may pass anything for items: the measure helper checks them.
      if (client) trackRecommendationViewed(client, { listId, items, modelVersion: versionOf(Array.isArray(items) && items[0]) } satisfies ListView);
    },
    clicked(listId, item, position) {
      if (client) trackRecommendationClicked(client, { listId, item, position, modelVersion: versionOf(item) });
    },
  };
  return self;
};

const resolveModel = (o: RecommenderOptions, report: (e: SightlineError) => void, onUpdate: (m: Model) => void): Promise<Model> => {
  if (typeof o.model === 'string') return loadModel(o.model, { ...o.loader, onError: report, onUpdate });
  const unavailable = (message: string): Model => {
    const e: SightlineError = { code: RECOMMEND_ERRORS.modelUnavailable, message, source: 'user' };
    report(e);
    return fallbackModel(o.loader?.popular, e);
  };
  return Promise.resolve(o.model).then(
    (m) => (isModel(m) ? m : unavailable('No model: pass a Model, a promise of one, or the URL of a .slrm file')),
    (error: unknown) => unavailable(`Model promise rejected: ${String(error)}`),
  );
};
