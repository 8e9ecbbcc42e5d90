import { CURRENCY } from './money.js';
import { trackWithHelper } from './analytics.js';

/**
 * Segment E-commerce v2 payloads. Property names follow the spec exactly
 * (https://segment.com/docs/connections/spec/ecommerce/v2/) so any Segment-compatible
 * collector understands them.
 */

/** The spec's product object: `product_id`, `sku`, `name`, `category`, `brand`, `variant`, `price`, … */
export function productProps(product, extra = {}) {
  return {
    product_id: product.id,
    sku: product.sku,
    name: product.name,
    category: product.categoryName,
    brand: product.brand,
    variant: product.colour,
    price: product.price,
    currency: CURRENCY,
    url: `${location.origin}/products/${product.id}`,
    ...extra,
  };
}

/** Cart lines as the spec's `products[]` (with quantity and 1-based position). */
export function lineProducts(lines) {
  return lines.map((line, i) => productProps(line.product, { quantity: line.quantity, position: i + 1 }));
}

/** A list of products as shown in a grid: positions are 1-based. */
export function listProducts(products, listId) {
  return products.map((p, i) => productProps(p, { position: i + 1, list_id: listId }));
}

// 'Product Viewed' → 'productViewed', the name of the SDK's typed helper.
const helperName = (event) => event.split(' ').map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w.toLowerCase())).join('');

/**
 * Sends Product Added or Product Removed for a change of the cart (`{ before, after, cartId }`
 * from cart.js) with the quantity that really changed, which is less than asked when the cart
 * is full; nothing when it did not change. Returns the change (negative: removed).
 */
export function trackCartChange(product, { before, after, cartId }, extra = {}) {
  if (after === before) return 0;
  trackCommerce(after > before ? 'Product Added' : 'Product Removed', { cart_id: cartId, ...productProps(product, { ...extra, quantity: Math.abs(after - before) }) });
  return after - before;
}

/** Sends a commerce event by its spec name (`Product Viewed`, `Order Completed`, …). */
export function trackCommerce(event, properties) {
  trackWithHelper(helperName(event), event, properties);
}
