import { productArt } from '../art/product-art.js';
import { formatMoney } from '../core/money.js';
import { FREE_SHIPPING_FROM, SHIPPING_METHODS } from '../core/pricing.js';
import { LOCK_ICON, escapeHtml } from '../ui/dom.js';

/** The three checkout steps, in order. */
export const STEPS = ['Shipping', 'Payment', 'Review'];

const COUNTRIES = [['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['DE', 'Germany'], ['FR', 'France'], ['NL', 'Netherlands']];

const v = (value) => escapeHtml(value ?? '');

/** The step indicator. */
export function stepper(current) {
  return `<ol class="steps" aria-label="Checkout progress">${STEPS.map((name, i) =>
    `<li ${i + 1 === current ? 'aria-current="step"' : ''} data-done="${i + 1 < current}">${name}</li>`).join('')}</ol>`;
}

function text(name, label, value, attrs = '') {
  return `<div class="field"><label for="${name}">${label}</label><input id="${name}" name="${name}" type="text" value="${v(value)}" required ${attrs}></div>`;
}

function methodPrice(method, subtotal) {
  return method.id === 'standard' && subtotal >= FREE_SHIPPING_FROM ? 'Free' : formatMoney(method.price);
}

/** Step 1: contact and shipping address; `subtotal` decides whether standard shipping is free. */
export function shippingForm(s = {}, subtotal = 0) {
  return `<form class="card checkout-panel" data-step-form="1" novalidate><h2>Shipping</h2>
    <div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" value="${v(s.email)}" required>
      <span class="hint">For your receipt. We never send it to analytics.</span></div>
    <div class="row-2">${text('firstName', 'First name', s.firstName, 'autocomplete="given-name"')}${text('lastName', 'Last name', s.lastName, 'autocomplete="family-name"')}</div>
    ${text('address', 'Address', s.address, 'autocomplete="street-address"')}
    <div class="row-3">${text('city', 'City', s.city, 'autocomplete="address-level2"')}${text('postcode', 'Postcode', s.postcode, 'autocomplete="postal-code"')}
      <div class="field"><label for="country">Country</label><select id="country" name="country" autocomplete="country">
        ${COUNTRIES.map(([code, name]) => `<option value="${code}" ${code === (s.country ?? 'US') ? 'selected' : ''}>${name}</option>`).join('')}</select></div></div>
    <fieldset><legend class="field"><strong>Delivery</strong></legend>
      ${SHIPPING_METHODS.map((m) => `<label class="choice"><input type="radio" name="shippingMethod" value="${m.id}" ${m.id === (s.shippingMethod ?? 'standard') ? 'checked' : ''}>
        <div><strong>${m.name} · ${methodPrice(m, subtotal)}</strong><span>${m.detail}${m.id === 'standard' ? ` · free over $${FREE_SHIPPING_FROM}` : ''}</span></div></label>`).join('')}</fieldset>
    <div class="checkout-actions"><a href="/cart">← Back to cart</a><button class="btn btn-primary btn-lg" type="submit" data-testid="continue">Continue to payment</button></div></form>`;
}

/** Step 2: payment method (card details are validated, never stored or sent). */
export function paymentForm(s = {}) {
  const card = (s.paymentMethod ?? 'card') === 'card';
  return `<form class="card checkout-panel" data-step-form="2" novalidate><h2>Payment</h2>
    <fieldset><legend class="visually-hidden">Payment method</legend>
      <label class="choice"><input type="radio" name="paymentMethod" value="card" ${card ? 'checked' : ''}><div><strong>Credit or debit card</strong><span>Visa, Mastercard, Amex</span></div></label>
      <label class="choice"><input type="radio" name="paymentMethod" value="paypal" ${card ? '' : 'checked'}><div><strong>PayPal</strong><span>You will confirm on the next step</span></div></label></fieldset>
    <div data-card ${card ? '' : 'hidden'}>
      ${text('cardName', 'Name on card', '', 'autocomplete="cc-name"')}
      ${text('cardNumber', 'Card number', '', 'autocomplete="cc-number" inputmode="numeric" placeholder="4242 4242 4242 4242"')}
      <div class="row-2">${text('expiry', 'Expiry (MM/YY)', '', 'autocomplete="cc-exp" placeholder="12/29"')}${text('cvc', 'Security code', '', 'autocomplete="cc-csc" inputmode="numeric"')}</div></div>
    <div class="checkout-actions"><button class="link-button" type="button" data-back="1">← Back to shipping</button>
      <button class="btn btn-primary btn-lg" type="submit" data-testid="continue">Review order</button></div></form>`;
}

/** Step 3: everything at a glance, and the button that places the order. */
export function reviewPanel(s, method) {
  const pay = s.paymentMethod === 'paypal' ? 'PayPal' : `Card ending ${v(s.cardLast4)}`;
  return `<section class="card checkout-panel review" data-step-form="3"><h2>Review</h2>
    <dl><dt>Ship to</dt><dd>${v(s.firstName)} ${v(s.lastName)}<br>${v(s.address)}, ${v(s.city)} ${v(s.postcode)}, ${v(s.country)}</dd>
      <dt>Delivery</dt><dd>${method.name} · ${method.detail}</dd><dt>Payment</dt><dd>${pay}</dd><dt>Receipt to</dt><dd>${v(s.email)}</dd></dl>
    <div class="checkout-actions"><button class="link-button" type="button" data-back="2">← Back to payment</button>
      <button class="btn btn-accent btn-lg" type="button" data-place-order data-testid="place-order">Place order</button></div></section>`;
}

/** The order summary beside every step. */
export function orderAside(lines, t, coupon) {
  return `<aside class="card summary" aria-labelledby="summary-title"><h2 id="summary-title">Your order</h2>
    <ul class="mini-lines">${lines.map(({ product, quantity }) => `<li>${productArt(product, { size: 'thumb' })}
      <span>${escapeHtml(product.name)}<br><span class="muted">Qty ${quantity}</span></span><span class="price">${formatMoney(product.price * quantity)}</span></li>`).join('')}</ul>
    <dl><dt>Subtotal</dt><dd>${formatMoney(t.subtotal)}</dd>${t.discount ? `<dt class="discount">${v(coupon?.id)}</dt><dd class="discount">−${formatMoney(t.discount)}</dd>` : ''}
      <dt>Shipping</dt><dd>${t.shipping ? formatMoney(t.shipping) : 'Free'}</dd><dt>Tax</dt><dd>${formatMoney(t.tax)}</dd>
      <dt class="total">Total</dt><dd class="total" data-testid="total">${formatMoney(t.total)}</dd></dl>
    <p class="secure">${LOCK_ICON}Demo checkout — no payment is taken.</p></aside>`;
}
