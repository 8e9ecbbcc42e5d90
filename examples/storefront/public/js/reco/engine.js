import { PRODUCTS } from '../data/catalog.js';
import { deferredPlugin } from './deferred-plugin.js';
import { withClient } from './host.js';

/**
 * The page's one recommender (`sightline/recommend`), shared by the product page, the
 * cart and the debug panel. Loaded as an ES module from the SDK build; registered with
 * whichever client the page runs (script tag or ESM). Nothing here throws into the shop.
 */
const SDK_RECOMMEND = '/sdk/esm/recommend/index.js';
/** Served by the storefront (examples/storefront/reco/serve-model.ts). */
export const MODEL_URL = '/reco/model.slrm';
// Until the model is in (or if it never comes), the shop's own bestseller order.
const POPULAR = [...PRODUCTS].sort((a, b) => a.rank - b.rank).map((p) => p.id);
const COMMERCE = new Set(['Product Viewed', 'Product Clicked', 'Product Added', 'Product Removed', 'Order Completed']);

let engine = null;
let started = null;
const watchers = new Set();

/**
 * Starts the recommender once per page; resolves with `{ reco, client }`, or null when
 * the SDK module or a client is missing. Call it early: events sent after it (also
 * while the module loads) reach the recommender.
 */
export function startRecommendations() {
  engine ??= new Promise((resolve) => {
    const sdk = import(SDK_RECOMMEND).catch((error) => {
      console.warn(`[shop] could not load ${SDK_RECOMMEND} (run \`npm run build\`): no recommendations`, error);
      return null;
    });
    const plugin = deferredPlugin('shop-recommendations', async (client) => {
      const mod = await sdk;
      // The model cache is IndexedDB: only with consent, like everything the shop stores.
      const cache = client.consent.get().personalization ? {} : { cache: false };
      // maxAgeMs 0: use the cached copy at once and revalidate it on every page (a 304 costs
      // a few bytes), so a retrained model shows up on the next page.
      return mod ? mod.recommender({ model: MODEL_URL, loader: { popular: POPULAR, maxAgeMs: 0, ...cache } }) : null;
    });
    plugin.loaded.then((ready) => {
      started = ready && { reco: ready.plugin, client: ready.client };
      if (started) {
        watch(started.reco, started.client);
        window.shopRecommender = started.reco; // for QA in the console and for the e2e suite
      }
      resolve(started);
    });
    withClient((client) => client.use(plugin), () => resolve(null));
  });
  return engine;
}

/** `{ reco, client }` once started, else null (for synchronous readers like the debug panel). */
export function runningRecommender() {
  return started;
}

/** Calls `fn()` whenever the recommendations may have changed; returns the unsubscribe. */
export function onRecommendationsChange(fn) {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** Tells subscribers (the debug panel) that something changed. */
export function recommendationsChanged() {
  for (const fn of watchers) {
    try {
      fn();
    } catch (error) {
      console.warn('[shop] recommendations watcher failed', error);
    }
  }
}

function watch(reco, client) {
  // A microtask later, so the recommender has applied the event first.
  const later = () => queueMicrotask(recommendationsChanged);
  client.on('event', (event) => { if (COMMERCE.has(event.event)) later(); });
  client.on('reset', later);
  reco.ready.then(later);
}
