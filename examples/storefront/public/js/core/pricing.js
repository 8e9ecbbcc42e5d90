import { cents } from './money.js';

/** Orders at or above this subtotal ship free with standard shipping. */
export const FREE_SHIPPING_FROM = 100;
/** A flat sales tax, applied after discounts and before shipping. */
export const TAX_RATE = 0.08;

/** Shipping methods offered at checkout. */
export const SHIPPING_METHODS = [
  { id: 'standard', name: 'Standard', detail: '3–5 business days', price: 6.95 },
  { id: 'express', name: 'Express', detail: '1–2 business days', price: 14.95 },
];

/** Coupon codes the shop accepts. */
export const COUPONS = {
  WELCOME10: { id: 'WELCOME10', name: '10% off your first order', percent: 10 },
  TRAIL20: { id: 'TRAIL20', name: '$20 off orders over $150', amount: 20, minimum: 150 },
  FREESHIP: { id: 'FREESHIP', name: 'Free shipping', freeShipping: true },
};

/** True when `coupon` applies to `subtotal` (TRAIL20 needs $150; a cart can drop below it later). */
export function couponApplies(coupon, subtotal) {
  return Boolean(coupon) && subtotal >= (coupon.minimum ?? 0);
}

/** Looks a code up; returns `{ coupon }` or `{ reason }` when it cannot apply. */
export function checkCoupon(code, subtotal) {
  const coupon = COUPONS[String(code).trim().toUpperCase()];
  if (!coupon) return { reason: 'Unknown code' };
  if (!couponApplies(coupon, subtotal)) return { reason: `Needs a subtotal of $${coupon.minimum}` };
  return { coupon };
}

function shippingCost(method, subtotal, coupon) {
  if (coupon?.freeShipping) return 0;
  const chosen = SHIPPING_METHODS.find((m) => m.id === method) ?? SHIPPING_METHODS[0];
  if (chosen.id === 'standard' && subtotal >= FREE_SHIPPING_FROM) return 0;
  return chosen.price;
}

/**
 * Totals with Segment E-commerce v2 meanings: `revenue` is the subtotal after discounts,
 * without shipping and tax; `total` is what the shopper pays. `coupon` is the cart's coupon
 * if it applies to this subtotal, else null.
 */
export function totals(lines, { coupon = null, shippingMethod = 'standard' } = {}) {
  const subtotal = cents(lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0));
  const applied = couponApplies(coupon, subtotal) ? coupon : null;
  let discount = 0;
  if (applied?.percent) discount = cents((subtotal * applied.percent) / 100);
  else if (applied?.amount) discount = Math.min(applied.amount, subtotal);
  const revenue = cents(subtotal - discount);
  const shipping = lines.length ? shippingCost(shippingMethod, subtotal, applied) : 0;
  const tax = cents(revenue * TAX_RATE);
  return { subtotal, discount, revenue, shipping, tax, total: cents(revenue + shipping + tax), coupon: applied };
}
