import { trackCommerce, type CommerceEventMap, type Tracker } from './events';

// One tiny free function per event: a bundle keeps only the ones it calls.

/** "Products Searched": the shopper searched the catalogue. */
export const productsSearched = (client: Tracker, properties: CommerceEventMap['Products Searched']): void => {
  trackCommerce(client, 'Products Searched', properties);
};

/** "Product List Viewed": a list or category of products was shown. */
export const productListViewed = (client: Tracker, properties: CommerceEventMap['Product List Viewed']): void => {
  trackCommerce(client, 'Product List Viewed', properties);
};

/** "Product Clicked": a product in a list was clicked. */
export const productClicked = (client: Tracker, properties: CommerceEventMap['Product Clicked']): void => {
  trackCommerce(client, 'Product Clicked', properties);
};

/** "Product Viewed": a product detail page or quick view was shown. */
export const productViewed = (client: Tracker, properties: CommerceEventMap['Product Viewed']): void => {
  trackCommerce(client, 'Product Viewed', properties);
};

/** "Product Added": a product was added to the cart. */
export const productAdded = (client: Tracker, properties: CommerceEventMap['Product Added']): void => {
  trackCommerce(client, 'Product Added', properties);
};

/** "Product Removed": a product was removed from the cart. */
export const productRemoved = (client: Tracker, properties: CommerceEventMap['Product Removed']): void => {
  trackCommerce(client, 'Product Removed', properties);
};

/** "Cart Viewed": the cart was shown. */
export const cartViewed = (client: Tracker, properties: CommerceEventMap['Cart Viewed']): void => {
  trackCommerce(client, 'Cart Viewed', properties);
};

/** "Checkout Started": checkout began. */
export const checkoutStarted = (client: Tracker, properties: CommerceEventMap['Checkout Started']): void => {
  trackCommerce(client, 'Checkout Started', properties);
};

/** "Checkout Step Viewed": a checkout step was shown. */
export const checkoutStepViewed = (client: Tracker, properties: CommerceEventMap['Checkout Step Viewed']): void => {
  trackCommerce(client, 'Checkout Step Viewed', properties);
};

/** "Checkout Step Completed": a checkout step was completed. */
export const checkoutStepCompleted = (client: Tracker, properties: CommerceEventMap['Checkout Step Completed']): void => {
  trackCommerce(client, 'Checkout Step Completed', properties);
};

/** "Payment Info Entered": payment details were entered. */
export const paymentInfoEntered = (client: Tracker, properties: CommerceEventMap['Payment Info Entered']): void => {
  trackCommerce(client, 'Payment Info Entered', properties);
};

/** "Order Completed": an order was placed (carries `time_to_purchase_ms` with the commerce plugin). */
export const orderCompleted = (client: Tracker, properties: CommerceEventMap['Order Completed']): void => {
  trackCommerce(client, 'Order Completed', properties);
};

/** "Order Refunded": an order was refunded. */
export const orderRefunded = (client: Tracker, properties: CommerceEventMap['Order Refunded']): void => {
  trackCommerce(client, 'Order Refunded', properties);
};

/** "Promotion Viewed": a promotion was shown. */
export const promotionViewed = (client: Tracker, properties: CommerceEventMap['Promotion Viewed']): void => {
  trackCommerce(client, 'Promotion Viewed', properties);
};

/** "Promotion Clicked": a promotion was clicked. */
export const promotionClicked = (client: Tracker, properties: CommerceEventMap['Promotion Clicked']): void => {
  trackCommerce(client, 'Promotion Clicked', properties);
};

/** "Coupon Applied": a coupon was applied. */
export const couponApplied = (client: Tracker, properties: CommerceEventMap['Coupon Applied']): void => {
  trackCommerce(client, 'Coupon Applied', properties);
};
