// @vitest-environment node
// The declared public surface (docs/stability.md): every subpath's runtime exports, listed.
// Adding an export is a deliberate, reviewed change to this list; removing one is [BREAKING].
import { describe, expect, it } from 'vitest';
import { builtEntries } from '../utils/contract-dist';

const PUBLIC_EXPORTS: Record<string, string[]> = {
  '.': [
    'CALLBACK_ERRORS', 'CONSENT_CATEGORIES', 'CONSENT_ERRORS', 'CORE_ERRORS', 'INPUT_ERRORS', 'PLUGIN_ERRORS',
    'STORAGE_ERRORS', 'TRANSPORT_ERRORS', 'VERSION', 'collector', 'createSightline', 'gzip',
  ],
  './capture': [
    'CAPTURE_ERRORS', 'CLICK_IDS', 'DOWNLOAD_EXTENSIONS', 'GA4_EVENT_NAMES', 'GA4_EVENT_PARAMS', 'GA4_ITEM_PARAMS',
    'GA4_PROMOTION_PARAMS', 'REFERRER_DOMAINS', 'SCROLL_MILESTONES', 'UTM_PARAMS', 'autocapture', 'cartViewed', 'checkoutStarted',
    'checkoutStepCompleted', 'checkoutStepViewed', 'clicks', 'commerce', 'context', 'couponApplied', 'engagement',
    'errors', 'forms', 'orderCompleted', 'orderRefunded', 'pageviews', 'paymentInfoEntered', 'productAdded',
    'productClicked', 'productListViewed', 'productRemoved', 'productViewed', 'productsSearched', 'promotionClicked',
    'promotionViewed', 'toGa4', 'trackCommerce', 'vitals',
  ],
  './recommend': [
    'FORMAT_VERSION', 'RECOMMENDATION_EVENTS', 'RECOMMEND_ERRORS', 'decodeModel', 'fallbackModel', 'loadModel',
    'rankItems', 'recommender', 'trackRecommendationClicked', 'trackRecommendationViewed',
  ],
};

const entries = builtEntries();

describe('public exports', () => {
  it('lists every subpath of the exports map', () => {
    expect(entries.map((e) => e.subpath).sort()).toEqual(Object.keys(PUBLIC_EXPORTS).sort());
  });

  it.each(entries.map((e) => [e.subpath, e] as const))('%s exports exactly its declared names, in ESM and CJS alike', async (subpath, entry) => {
    const esm = Object.keys(await import(entry.esm)).sort();
    const cjs = Object.keys(await import(entry.cjs)).filter((name) => name !== 'default' && name !== 'module.exports').sort();
    expect(esm).toEqual([...PUBLIC_EXPORTS[subpath]!].sort());
    expect(cjs).toEqual(esm);
  });
});
