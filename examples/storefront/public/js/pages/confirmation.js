import { findProduct } from '../data/catalog.js';
import { productArt } from '../art/product-art.js';
import { trackCommerce } from '../core/commerce.js';
import { formatMoney } from '../core/money.js';
import { readJson, writeJson } from '../core/store.js';
import { bootPage } from '../ui/boot.js';
import { escapeHtml } from '../ui/dom.js';

/**
 * The thank-you page. Sends Order Completed once per order (a reload of this page
 * must not count the sale twice), from what checkout left in sessionStorage.
 */
const main = document.getElementById('main');

function lines(order) {
  return order.products.map((p) => {
    const product = findProduct(p.product_id);
    return `<li>${product ? productArt(product, { size: 'thumb' }) : '<span></span>'}<span>${escapeHtml(p.name)}<br>
      <span class="muted">Qty ${p.quantity}</span></span><span class="price">${formatMoney(p.price * p.quantity)}</span></li>`;
  }).join('');
}

function render(order) {
  main.innerHTML = `<section class="card confirmation" data-testid="confirmation"><div class="tick" aria-hidden="true">✓</div>
    <h1 tabindex="-1">Thank you — your order is in</h1>
    <p>Order <span class="order-id" data-testid="order-id">${escapeHtml(order.order_id)}</span> is confirmed. A receipt is on its way to your inbox.</p>
    <ul class="mini-lines">${lines(order)}</ul>
    <div class="summary" style="position:static;text-align:left;padding:16px 0 8px"><dl>
      <dt>Subtotal</dt><dd>${formatMoney(order.subtotal)}</dd>${order.discount ? `<dt class="discount">Discount</dt><dd class="discount">−${formatMoney(order.discount)}</dd>` : ''}
      <dt>Shipping</dt><dd>${order.shipping ? formatMoney(order.shipping) : 'Free'}</dd><dt>Tax</dt><dd>${formatMoney(order.tax)}</dd>
      <dt class="total">Total paid</dt><dd class="total" data-testid="order-total">${formatMoney(order.total)}</dd></dl></div>
    <a class="btn btn-primary" href="/">Continue shopping</a></section>`;
}

bootPage({ active: '' });
const id = new URLSearchParams(location.search).get('order');
const orders = readJson('orders', {}, 'session');
const order = id ? orders[id] : null;
if (!order) {
  main.innerHTML = '<div class="empty card"><h1>No order to show</h1><p>This link has expired. <a href="/">Back to the shop</a></p></div>';
} else {
  render(order);
  if (!order.tracked) {
    const { placedAt, tracked, ...properties } = order;
    trackCommerce('Order Completed', properties);
    orders[id] = { ...order, tracked: true };
    writeJson('orders', orders, 'session');
  }
}
