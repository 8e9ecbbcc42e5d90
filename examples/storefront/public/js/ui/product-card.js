import { productArt } from '../art/product-art.js';
import { formatMoney } from '../core/money.js';
import { escapeHtml, stars } from './dom.js';

/**
 * A product tile. The name is the link (stretched over the card); `data-position` and
 * `data-list` let the page send Product Clicked with the spec's `position` and `list_id`.
 */
export function productCard(product, { position, listId }) {
  return `<li>
    <article class="card product-card" data-product-id="${product.id}" data-position="${position}" data-list="${escapeHtml(listId)}">
      ${product.isNew ? '<span class="pill pill-accent">New</span>' : ''}
      ${productArt(product)}
      <div class="product-card__body">
        <span class="product-card__brand">${escapeHtml(product.brand)}</span>
        <a class="product-card__name" href="/products/${product.id}" data-link>${escapeHtml(product.name)}</a>
        <span class="rating"><span class="stars" aria-hidden="true">${stars(product.rating)}</span>
          <span>${product.rating.toFixed(1)}<span class="visually-hidden"> out of 5</span> (${product.reviews})</span></span>
        <div class="product-card__meta">
          <span class="price">${formatMoney(product.price)}</span>
          <span class="muted" style="font-size:.8rem"><span class="swatch" style="background:${product.colourHex}"></span> ${product.colour}</span>
        </div>
      </div>
    </article>
  </li>`;
}
