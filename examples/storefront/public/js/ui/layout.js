import { CATEGORIES } from '../data/catalog.js';
import { cartCount } from '../core/cart.js';
import { onRestore } from './restore.js';
import { FREE_SHIPPING_FROM } from '../core/pricing.js';
import { element, escapeHtml } from './dom.js';

const LOGO = `<svg viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="20" r="19" fill="#2f5d50"/>
  <path d="M6 29 L15 16 L20 22 L25 13 L34 29 Z" fill="#f6f3ec"/><circle cx="29" cy="11" r="3" fill="#e9a23b"/></svg>`;
const BAG = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" aria-hidden="true">
  <path d="M5 8h14l-1.2 12.2a1 1 0 0 1-1 .8H7.2a1 1 0 0 1-1-.8z"/><path d="M9 8V6a3 3 0 0 1 6 0v2"/></svg>`;

function header(active, query) {
  const links = [['all', 'Shop all', '/'], ...CATEGORIES.map((c) => [c.id, c.name, `/category/${c.id}`]), ['lookbook', 'Lookbook', '/lookbook']];
  return `<header class="site-header">
    <div class="container site-header__row">
      <a class="logo" href="/" data-link>${LOGO}<span>Sightline Outfitters<small>Gear for the long way round</small></span></a>
      <form class="search" role="search" action="/search" data-search>
        <label class="visually-hidden" for="q">Search products</label>
        <input id="q" name="q" type="search" placeholder="Search jackets, tents, boots…" value="${escapeHtml(query)}" autocomplete="off">
        <button class="btn btn-primary" type="submit">Search</button>
      </form>
      <div class="header-actions">
        <a class="cart-link" href="/cart" data-testid="cart-link">${BAG}<span>Cart</span>
          <span class="cart-count" data-cart-count aria-label="items in cart">0</span></a>
      </div>
    </div>
    <nav class="nav" aria-label="Categories"><ul class="container">
      ${links.map(([id, name, href]) => `<li><a href="${href}" data-nav="${id}" ${id === 'lookbook' ? '' : 'data-link'} ${id === active ? 'aria-current="page"' : ''}>${name}</a></li>`).join('')}
    </ul></nav>
  </header>`;
}

// The newsletter signup: a form a shopper can start and walk away from ("Form Abandoned").
// Demo only: the address is never stored or sent anywhere.
function newsletter() {
  return `<form class="newsletter" id="newsletter" name="newsletter" action="/newsletter" data-newsletter>
    <label for="newsletter-email">Trail notes, once a month</label>
    <div class="newsletter__row"><input id="newsletter-email" name="email" type="email" autocomplete="email" placeholder="you@example.com" required>
      <button class="btn btn-accent" type="submit">Sign up</button></div>
    <p class="newsletter__done" data-newsletter-done hidden>Thanks — the next issue is on its way.</p></form>`;
}

/** The newsletter form thanks the shopper in place (nothing is submitted). */
function wireFooter(footerEl) {
  const form = footerEl.querySelector('[data-newsletter]');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    form.querySelector('.newsletter__row').hidden = true;
    form.querySelector('[data-newsletter-done]').hidden = false;
  });
}

// "Shipping & returns" looks like a link but does nothing yet (there is no returns page):
// kept on purpose as the shop's one known dead click, which QA uses to see "Dead Click".
function footer() {
  return `<footer class="site-footer"><div class="container">
    <div class="site-footer__grid">
      <div><div class="logo" style="color:#fff">${LOGO}<span>Sightline Outfitters</span></div>
        <p style="margin-top:12px;max-width:36ch">Independent outdoor gear, tested on real trails. Free returns within 60 days.</p>
        ${newsletter()}</div>
      <div><h2>Shop</h2><ul>${CATEGORIES.slice(0, 4).map((c) => `<li><a href="/category/${c.id}">${c.name}</a></li>`).join('')}</ul></div>
      <div><h2>Help</h2><ul><li><a href="/cart">Your cart</a></li><li><a href="/lookbook">Lookbook</a></li>
        <li><button class="link-button" type="button" data-testid="returns-info">Shipping &amp; returns</button></li></ul></div>
      <div><h2>Privacy</h2><ul><li><button class="link-button" type="button" data-open-consent>Privacy settings</button></li>
        <li><a href="?debug=1">QA debug panel</a></li></ul></div>
    </div>
    <p class="fine">© Sightline Outfitters — a demo shop for the sightline analytics SDK. No real orders are placed and no payment data leaves your browser.</p>
  </div></footer>`;
}

/** Updates the header's cart badge. */
export function renderCartCount() {
  const count = cartCount();
  for (const badge of document.querySelectorAll('[data-cart-count]')) {
    badge.textContent = String(count);
    badge.dataset.empty = String(count === 0);
    badge.setAttribute('aria-label', `${count} item${count === 1 ? '' : 's'} in cart`);
  }
}

/** Marks the current category in the nav (the SPA calls this on every route). */
export function setActiveNav(active) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Renders the announcement bar, header and footer around `<main id="main">`. */
export function mountLayout({ active = '', query = '' } = {}) {
  const main = document.getElementById('main');
  main.removeAttribute('aria-busy'); // the page fills it in the same task
  main.before(element('<a class="skip-link" href="#main">Skip to content</a>'));
  main.before(element(`<div class="announce">Free shipping over <strong>$${FREE_SHIPPING_FROM}</strong> · 60-day returns<span class="announce__extra"> · Lifetime repairs</span></div>`));
  main.before(element(header(active, query)));
  const footerEl = element(footer());
  main.after(footerEl);
  wireFooter(footerEl);
  renderCartCount();
  window.addEventListener('shop:cart', renderCartCount);
  // Another tab changed the cart (a page in the back/forward cache hears of it only when restored).
  window.addEventListener('storage', (e) => e.key === 'shop_cart' && renderCartCount());
  onRestore(renderCartCount);
}
