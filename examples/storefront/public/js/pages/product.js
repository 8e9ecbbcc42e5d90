import { findProduct } from '../data/catalog.js';
import { productArt } from '../art/product-art.js';
import { MAX_QUANTITY, addToCart } from '../core/cart.js';
import { productProps, trackCartChange, trackCommerce } from '../core/commerce.js';
import { formatMoney } from '../core/money.js';
import { FREE_SHIPPING_FROM } from '../core/pricing.js';
import { showAlsoViewed } from '../reco/lists.js';
import { escapeHtml, stars } from '../ui/dom.js';
import { toast } from '../ui/toast.js';

function details(product) {
  return `<div class="product__info">
    <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/" data-link>Shop</a></li>
      <li><a href="/category/${product.category}" data-link>${product.categoryName}</a></li><li aria-current="page">${escapeHtml(product.name)}</li></ol></nav>
    <p class="product__brand">${escapeHtml(product.brand)}</p>
    <h1 tabindex="-1">${escapeHtml(product.name)}</h1>
    <span class="rating"><span class="stars" aria-hidden="true">${stars(product.rating)}</span> ${product.rating.toFixed(1)} · ${product.reviews} reviews</span>
    <p class="product__price" data-testid="product-price">${formatMoney(product.price)}</p>
    <p>${escapeHtml(product.description)}</p>
    <dl class="product__facts"><dt>Colour</dt><dd><span class="swatch" style="background:${product.colourHex}"></span> ${product.colour}</dd>
      <dt>Item</dt><dd>${product.sku}</dd><dt>Category</dt><dd>${product.categoryName}</dd></dl>
    <form class="buy" data-buy>
      <div class="field" style="margin:0"><label for="qty">Quantity</label>
        <div class="qty"><button type="button" data-step="-1" aria-label="One less">−</button>
        <input id="qty" name="quantity" type="number" min="1" max="10" value="1" inputmode="numeric">
        <button type="button" data-step="1" aria-label="One more">+</button></div></div>
      <button class="btn btn-primary btn-lg" type="submit" data-testid="add-to-cart">Add to cart</button>
    </form>
    <ul class="perks"><li>Free standard shipping over $${FREE_SHIPPING_FROM}</li><li>60-day returns, no questions asked</li><li>Lifetime repair programme</li></ul>
  </div>`;
}

function wireBuy(main, product) {
  const form = main.querySelector('[data-buy]');
  const input = form.querySelector('input[name="quantity"]');
  form.addEventListener('click', (e) => {
    const step = Number(e.target.closest('[data-step]')?.dataset.step ?? 0);
    if (step) input.value = String(Math.min(MAX_QUANTITY, Math.max(1, Number(input.value || 1) + step)));
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const quantity = Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(input.value) || 1)));
    const added = trackCartChange(product, addToCart(product.id, quantity));
    toast(added
      ? `Added ${added} × ${escapeHtml(product.name)} · <a href="/cart">View cart</a>`
      : `Your cart already holds ${MAX_QUANTITY} × ${escapeHtml(product.name)}, the most we sell at once · <a href="/cart">View cart</a>`);
  });
}

/** Shows a product page and sends Product Viewed. */
export function showProduct(main, productId) {
  const product = findProduct(productId);
  if (!product) {
    main.innerHTML = '<div class="empty card"><h1 tabindex="-1">We could not find that product</h1><p><a href="/" data-link>Back to the shop</a></p></div>';
    return;
  }
  main.innerHTML = `<article class="product" data-testid="product-page" data-product-id="${product.id}">
      <div class="product__media">${productArt(product, { size: 'large' })}</div>${details(product)}</article>
    <section class="related" data-slot="recommendations"></section>`;
  wireBuy(main, product);
  trackCommerce('Product Viewed', productProps(product, { quantity: 1 }));
  // On-device recommendations for this product (sightline/recommend, see reco/).
  showAlsoViewed(main.querySelector('[data-slot="recommendations"]'), product);
}
