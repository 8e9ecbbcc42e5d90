import { expect, it } from 'vitest';
import * as capture from '../../src/capture';

// The public surface of sightline/capture (docs/capture.md): a change here is an API change.
it('exports exactly the documented names', () => {
  expect(Object.keys(capture).sort()).toEqual([
    'CAPTURE_ERRORS',
    'CLICK_IDS',
    'DOWNLOAD_EXTENSIONS',
    'GA4_EVENT_NAMES',
    'GA4_EVENT_PARAMS',
    'GA4_ITEM_PARAMS',
    'REFERRER_DOMAINS',
    'SCROLL_MILESTONES',
    'UTM_PARAMS',
    'autocapture',
    'cartViewed',
    'checkoutStarted',
    'checkoutStepCompleted',
    'checkoutStepViewed',
    'clicks',
    'commerce',
    'context',
    'couponApplied',
    'engagement',
    'errors',
    'forms',
    'orderCompleted',
    'orderRefunded',
    'pageviews',
    'paymentInfoEntered',
    'productAdded',
    'productClicked',
    'productListViewed',
    'productRemoved',
    'productViewed',
    'productsSearched',
    'promotionClicked',
    'promotionViewed',
    'trackCommerce',
    'vitals',
  ]);
});
