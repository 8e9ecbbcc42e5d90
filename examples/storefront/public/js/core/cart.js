import { findProduct } from '../data/catalog.js';
import { readJson, writeJson, shortId } from './store.js';

/**
 * The cart, persisted in localStorage as `shop_cart`: `{ id, items: [{ id, quantity }], coupon }`.
 * Every change dispatches `shop:cart` on window so the header badge and pages re-render.
 */
const KEY = 'cart';
/** The most of one product a cart holds. */
export const MAX_QUANTITY = 10;

function load() {
  const cart = readJson(KEY, null);
  if (cart && Array.isArray(cart.items)) return cart;
  // Kept at once: an empty cart viewed now (Cart Viewed) is the cart products go into next.
  const empty = { id: shortId('cart'), items: [], coupon: null };
  writeJson(KEY, empty);
  return empty;
}

function save(cart) {
  writeJson(KEY, cart);
  window.dispatchEvent(new CustomEvent('shop:cart', { detail: cart }));
  return cart;
}

/** The current cart. */
export function getCart() {
  return load();
}

/** Cart lines joined with their products (unknown ids are skipped). */
export function cartLines(cart = load()) {
  return cart.items
    .map((item) => ({ product: findProduct(item.id), quantity: item.quantity }))
    .filter((line) => line.product);
}

/** Number of items (sum of quantities). */
export function cartCount(cart = load()) {
  return cart.items.reduce((sum, item) => sum + item.quantity, 0);
}

/** Sets a product's quantity (0 removes it); returns `{ before, after }` for tracking. */
export function setQuantity(productId, quantity) {
  const cart = load();
  const line = cart.items.find((item) => item.id === productId);
  const before = line ? line.quantity : 0;
  const after = Math.max(0, Math.min(MAX_QUANTITY, Math.floor(quantity)));
  if (after === 0) cart.items = cart.items.filter((item) => item.id !== productId);
  else if (line) line.quantity = after;
  else cart.items.push({ id: productId, quantity: after });
  save(cart);
  return { before, after, cartId: cart.id };
}

/** Adds `quantity` of a product (as many as fit under MAX_QUANTITY); returns `{ before, after }`. */
export function addToCart(productId, quantity = 1) {
  const line = load().items.find((item) => item.id === productId);
  return setQuantity(productId, (line ? line.quantity : 0) + quantity);
}

/** Stores the applied coupon (or null). */
export function setCoupon(coupon) {
  const cart = load();
  cart.coupon = coupon;
  save(cart);
}

/** Empties the cart after an order, starting a new cart id. */
export function clearCart() {
  save({ id: shortId('cart'), items: [], coupon: null });
}
