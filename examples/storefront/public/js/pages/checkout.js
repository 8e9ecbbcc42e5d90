import { identify } from '../core/analytics.js';
import { cartLines, clearCart, getCart } from '../core/cart.js';
import { lineProducts, trackCommerce } from '../core/commerce.js';
import { userIdFromEmail } from '../core/hash.js';
import { CURRENCY } from '../core/money.js';
import { SHIPPING_METHODS, totals } from '../core/pricing.js';
import { readJson, remove, shortId, writeJson } from '../core/store.js';
import { bootPage } from '../ui/boot.js';
import { onRestore } from '../ui/restore.js';
import { validate } from './checkout-validate.js';
import { orderAside, paymentForm, reviewPanel, shippingForm, stepper } from './checkout-views.js';

/**
 * Checkout in three steps (shipping → payment → review) on one document; progress is
 * kept in sessionStorage as `shop_checkout` so a reload resumes at the same step.
 */
const main = document.getElementById('main');
const KEY = 'checkout';
let state;

const save = () => writeJson(KEY, state, 'session');
const method = () => SHIPPING_METHODS.find((m) => m.id === state.shippingMethod) ?? SHIPPING_METHODS[0];
const stepProps = (step) => ({ checkout_id: state.checkout_id, step, shipping_method: state.shippingMethod ?? 'standard',
  ...(state.paymentMethod ? { payment_method: state.paymentMethod } : {}) });

function orderProps() {
  const cart = getCart();
  const lines = cartLines(cart);
  const t = totals(lines, { coupon: cart.coupon, shippingMethod: state.shippingMethod });
  return { checkout_id: state.checkout_id, order_id: state.order_id, affiliation: 'Sightline Outfitters', value: t.revenue,
    subtotal: t.subtotal, revenue: t.revenue, total: t.total, shipping: t.shipping, tax: t.tax, discount: t.discount,
    ...(t.coupon ? { coupon: t.coupon.id } : {}), currency: CURRENCY, products: lineProducts(lines) };
}

function show(step, { focus = true } = {}) {
  state.step = step;
  save();
  const cart = getCart();
  const lines = cartLines(cart);
  const t = totals(lines, { coupon: cart.coupon, shippingMethod: state.shippingMethod });
  const view = step === 1 ? shippingForm(state, t.subtotal) : step === 2 ? paymentForm(state) : reviewPanel(state, method());
  main.innerHTML = `<h1 tabindex="-1">Checkout</h1>${stepper(step)}<div class="cart-layout"><div>${view}</div>
    ${orderAside(lines, t, cart.coupon)}</div>`;
  if (focus) {
    window.scrollTo(0, 0);
    main.querySelector('h1').focus({ preventScroll: true }); // tell screen readers the step changed
  }
  trackCommerce('Checkout Step Viewed', stepProps(step));
}

async function completeShipping(data) {
  Object.assign(state, data);
  // The user id is a hash of the email: orders join up, the address never leaves the page.
  identify(await userIdFromEmail(data.email), { country: data.country });
  trackCommerce('Checkout Step Completed', stepProps(1));
  show(2);
}

function completePayment(data) {
  state.paymentMethod = data.paymentMethod;
  state.cardLast4 = data.paymentMethod === 'card' ? data.cardNumber.replace(/\D/g, '').slice(-4) : null;
  trackCommerce('Payment Info Entered', { ...stepProps(2), order_id: state.order_id });
  trackCommerce('Checkout Step Completed', stepProps(2));
  show(3);
}

function placeOrder(button) {
  button.disabled = true;
  button.textContent = 'Placing order…';
  trackCommerce('Checkout Step Completed', stepProps(3));
  const orders = readJson('orders', {}, 'session');
  orders[state.order_id] = { ...orderProps(), placedAt: new Date().toISOString(), tracked: false };
  writeJson('orders', orders, 'session');
  clearCart();
  remove(KEY, 'session');
  // Straight on: the SDK keeps what a page tracks as it is left, and the confirmation page
  // sends it. Waiting for a flush would hold the shopper up, and its request, still in
  // flight as the page froze, kept the checkout out of the back/forward cache.
  location.assign(`/confirmation?order=${encodeURIComponent(state.order_id)}`);
}

/** Draws the order summary again (a shipping method chosen, the cart changed meanwhile). */
function renderSummary() {
  const cart = getCart();
  const lines = cartLines(cart);
  main.querySelector('.summary').outerHTML = orderAside(lines, totals(lines, { coupon: cart.coupon, shippingMethod: state.shippingMethod }), cart.coupon);
}

function start() {
  const cart = getCart();
  if (!cartLines(cart).length) {
    main.innerHTML = '<h1>Checkout</h1><div class="empty card"><h2>Your cart is empty</h2><a class="btn btn-primary" href="/">Continue shopping</a></div>';
    return;
  }
  state = readJson(KEY, null, 'session');
  if (!state || state.cart_id !== cart.id) {
    state = { checkout_id: shortId('chk'), order_id: `SO-${Date.now().toString(36).toUpperCase()}`, cart_id: cart.id, step: 1 };
    trackCommerce('Checkout Started', orderProps());
  }
  show(state.step, { focus: false });
}

bootPage({ active: '' });
start();
// Back to a checkout left for another page. The same checkout stays as the shopper left it
// (fields typed in included), its summary brought up to date, and its step is viewed again;
// otherwise (an order placed since: an empty cart) it starts again.
onRestore(() => {
  const saved = readJson(KEY, null, 'session');
  if (!state || saved?.checkout_id !== state.checkout_id || !cartLines().length) return start();
  renderSummary();
  trackCommerce('Checkout Step Viewed', stepProps(state.step));
});
main.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.target.closest('[data-step-form]');
  const data = validate(form);
  if (!data) return;
  if (form.dataset.stepForm === '1') completeShipping(data);
  if (form.dataset.stepForm === '2') completePayment(data);
});
main.addEventListener('change', (e) => {
  if (e.target.name === 'paymentMethod') main.querySelector('[data-card]').hidden = e.target.value !== 'card';
  if (e.target.name === 'shippingMethod') {
    state.shippingMethod = e.target.value;
    renderSummary();
  }
});
main.addEventListener('click', (e) => {
  const back = e.target.closest('[data-back]');
  if (back) show(Number(back.dataset.back));
  const place = e.target.closest('[data-place-order]');
  if (place) placeOrder(place);
});
