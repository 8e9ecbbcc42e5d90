import { mountShelf } from './shelf.js';

/**
 * The shop's recommendation lists. `list_id` names the widget in every
 * "Recommendation Viewed"/"Clicked" event, so keep them stable.
 */
export const LISTS = {
  alsoViewed: 'pdp-also-viewed',
  completeOrder: 'cart-complete-order',
};

/** A product page's "Customers also viewed": 4 items for the product on screen. */
export function showAlsoViewed(section, product) {
  return mountShelf(section, {
    listId: LISTS.alsoViewed,
    title: 'Customers also viewed',
    note: 'Picked in your browser from what you and other shoppers looked at.',
    k: 4,
    context: [product.id],
    spa: true,
  });
}

/** The cart's "Complete your order": what goes with the cart, never what is in it. */
export function showCompleteOrder(section, productIds) {
  return mountShelf(section, {
    listId: LISTS.completeOrder,
    title: 'Complete your order',
    note: 'Goes well with what is in your cart.',
    k: 4,
    context: productIds,
    exclude: productIds,
    redraws: true, // the cart re-renders on every quantity change
  });
}
