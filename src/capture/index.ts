/**
 * sightline/capture: plugins that turn what a shopper does into events. Each factory
 * returns a plain plugin for `createSightline({ plugins })` or `client.use()`; import only
 * the ones you need, or `autocapture()` for all of them. See docs/capture.md.
 */
export { autocapture, type AutocaptureOptions } from './autocapture';
export { pageviews, type PageviewsOptions } from './pageviews';
export { clicks, type ClicksOptions } from './clicks/clicks';
export { DOWNLOAD_EXTENSIONS } from './clicks/describe';
export { forms, type FormsOptions } from './forms/forms';
export { engagement, type EngagementOptions } from './engagement/engagement';
export { SCROLL_MILESTONES } from './engagement/scroll-depth';
export { commerce, type CommerceOptions, type CommercePlugin } from './commerce/commerce';
export {
  trackCommerce,
  type CheckoutStep,
  type CommerceEvent,
  type CommerceEventMap,
  type OrderTotals,
  type Product,
  type Promotion,
  type Tracker,
} from './commerce/events';
export {
  cartViewed,
  checkoutStarted,
  checkoutStepCompleted,
  checkoutStepViewed,
  couponApplied,
  orderCompleted,
  orderRefunded,
  paymentInfoEntered,
  productAdded,
  productClicked,
  productListViewed,
  productRemoved,
  productsSearched,
  productViewed,
  promotionClicked,
  promotionViewed,
} from './commerce/helpers';
export { GA4_EVENT_NAMES, GA4_EVENT_PARAMS, GA4_ITEM_PARAMS, GA4_PROMOTION_PARAMS } from './commerce/ga4';
export { toGa4, type Ga4Event, type Ga4EventName } from './commerce/to-ga4';
export { vitals, type VitalName, type VitalsOptions } from './vitals/vitals';
export { context, type ContextOptions } from './context/context';
export { CLICK_IDS, UTM_PARAMS } from './context/campaign';
export { REFERRER_DOMAINS, type ReferrerType } from './context/referrer';
export type { DeviceClass, UserAgentData } from './context/device';
export { errors, type ErrorsOptions } from './page-errors';
export { CAPTURE_ERRORS, type CaptureErrorCode } from './errors';
