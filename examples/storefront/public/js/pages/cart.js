import { findProduct } from '../data/catalog.js';
import { productArt } from '../art/product-art.js';
import { cartLines, getCart, setCoupon, setQuantity } from '../core/cart.js';
import { lineProducts, trackCartChange, trackCommerce } from '../core/commerce.js';
import { formatMoney } from '../core/money.js';
import { FREE_SHIPPING_FROM, checkCoupon, totals } from '../core/pricing.js';
import { showCompleteOrder } from '../reco/lists.js';
import { bootPage } from '../ui/boot.js';
import { LOCK_ICON, escapeHtml } from '../ui/dom.js';
import { onRestore } from '../ui/restore.js';

const main = document.getElementById('main');

function line({ product, quantity }) {
  return `<li class="cart-line" data-testid="cart-line" data-product-id="${product.id}">
    <a href="/products/${product.id}" tabindex="-1" aria-hidden="true">${productArt(product, { size: 'thumb' })}</a>
    <div><a class="cart-line__name" href="/products/${product.id}">${escapeHtml(product.name)}</a>
      <div class="muted" style="font-size:.85rem">${escapeHtml(product.brand)} · ${product.colour} · ${formatMoney(product.price)}</div>
      <div class="cart-line__actions">
        <div class="qty" role="group" aria-label="Quantity of ${escapeHtml(product.name)}">
          <button type="button" data-change="-1" aria-label="One less">−</button>
          <output aria-live="polite" style="width:32px;text-align:center">${quantity}</output>
          <button type="button" data-change="1" aria-label="One more">+</button></div>
        <button class="link-button" type="button" data-remove data-testid="remove-line">Remove</button></div></div>
    <strong class="price">${formatMoney(product.price * quantity)}</strong></li>`;
}

function summary(lines, cart) {
  const t = totals(lines, { coupon: cart.coupon });
  const toFree = FREE_SHIPPING_FROM - t.subtotal;
  return `<aside class="card summary" aria-labelledby="summary-title"><h2 id="summary-title">Order summary</h2>
    <dl><dt>Subtotal</dt><dd data-testid="subtotal">${formatMoney(t.subtotal)}</dd>
      ${t.discount ? `<dt class="discount">${escapeHtml(cart.coupon.id)}</dt><dd class="discount">−${formatMoney(t.discount)}</dd>` : ''}
      <dt>Shipping</dt><dd>${t.shipping ? formatMoney(t.shipping) : 'Free'}</dd><dt>Tax (est.)</dt><dd>${formatMoney(t.tax)}</dd>
      <dt class="total">Total</dt><dd class="total" data-testid="total">${formatMoney(t.total)}</dd></dl>
    ${cart.coupon && !t.coupon ? `<p class="note" data-kind="error">${escapeHtml(cart.coupon.id)} needs a subtotal of $${cart.coupon.minimum}: add ${formatMoney(cart.coupon.minimum - t.subtotal)} more to use it.</p>` : ''}
    ${toFree > 0 && !t.coupon?.freeShipping ? `<p class="note muted">Add ${formatMoney(toFree)} more for free shipping.</p>` : ''}
    <form class="coupon" data-coupon><label class="visually-hidden" for="coupon">Coupon code</label>
      <input id="coupon" name="coupon" type="text" placeholder="Coupon code" value="${escapeHtml(cart.coupon?.id ?? '')}" autocomplete="off">
      <button class="btn btn-ghost" type="submit">Apply</button></form>
    <p class="note" data-coupon-note aria-live="polite"></p>
    <a class="btn btn-primary btn-block btn-lg" href="/checkout" data-testid="checkout-button">Checkout</a>
    <p class="secure">${LOCK_ICON}Secure checkout · 60-day returns</p></aside>`;
}

function render() {
  const cart = getCart();
  const lines = cartLines(cart);
  if (!lines.length) {
    main.innerHTML = `<h1>Your cart</h1><div class="empty card"><h2>Your cart is empty</h2>
      <p>Find something for your next trip.</p><a class="btn btn-primary" href="/">Start shopping</a></div>`;
    return;
  }
  main.innerHTML = `<h1>Your cart</h1><div class="cart-layout">
    <section class="card" aria-label="Items"><ul class="cart-lines">${lines.map(line).join('')}</ul></section>${summary(lines, cart)}</div>
    <section class="related" data-slot="recommendations"></section>`;
  // On-device recommendations that go with the cart (sightline/recommend, see reco/).
  showCompleteOrder(main.querySelector('[data-slot="recommendations"]'), lines.map((l) => l.product.id));
}

function change(productId, delta) {
  const product = findProduct(productId);
  const current = getCart().items.find((i) => i.id === productId)?.quantity ?? 0;
  if (trackCartChange(product, setQuantity(productId, delta === 'all' ? 0 : current + delta))) render();
}

function applyCoupon(code) {
  const cart = getCart();
  const { subtotal } = totals(cartLines(cart));
  const base = { cart_id: cart.id, coupon_id: code.toUpperCase() };
  trackCommerce('Coupon Entered', base);
  const { coupon, reason } = checkCoupon(code, subtotal);
  if (!coupon) {
    trackCommerce('Coupon Denied', { ...base, reason });
    return { ok: false, text: `${reason}.` };
  }
  setCoupon(coupon);
  const { discount } = totals(cartLines(), { coupon });
  trackCommerce('Coupon Applied', { ...base, coupon_name: coupon.name, discount });
  return { ok: true, text: `${coupon.name} applied.` };
}

function sendCartViewed() {
  trackCommerce('Cart Viewed', { cart_id: getCart().id, products: lineProducts(cartLines()) });
}

bootPage({ active: '' });
render();
sendCartViewed();
// Back from a product page: the cart as it is now, viewed again.
onRestore(() => {
  render();
  sendCartViewed();
});
main.addEventListener('click', (e) => {
  const row = e.target.closest('[data-product-id]');
  if (!row) return;
  if (e.target.closest('[data-remove]')) change(row.dataset.productId, 'all');
  const delta = Number(e.target.closest('[data-change]')?.dataset.change ?? 0);
  if (delta) change(row.dataset.productId, delta);
});
main.addEventListener('submit', (e) => {
  if (!e.target.matches('[data-coupon]')) return;
  e.preventDefault();
  const code = new FormData(e.target).get('coupon')?.toString().trim();
  if (!code) return;
  const result = applyCoupon(code);
  if (result.ok) render();
  const note = main.querySelector('[data-coupon-note]');
  note.textContent = result.text;
  note.dataset.kind = result.ok ? 'ok' : 'error';
});
