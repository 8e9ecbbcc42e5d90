import { productArt, shade } from '../art/product-art.js';
import { formatMoney } from '../core/money.js';
import { element, stars } from '../ui/dom.js';
import { make } from './make.js';

/** What each tier is called on a badge, and why (the badge's tooltip). */
export const TIERS = {
  'must-buy': { label: 'Top pick', why: 'Most shoppers who viewed this looked at it next' },
  'you-may-like': { label: 'You may like', why: 'Often viewed by shoppers who browsed like you' },
  explore: { label: 'Trending', why: 'Popular in the shop right now' },
};

/**
 * One recommended product: art with its tier badge, brand, name (the link, stretched
 * over the card), rating and price. `data-product-id`, `data-position` and `data-list`
 * let the SPA send Product Clicked like any other tile; `spa` links navigate in place.
 */
export function recoTile(product, rec, { position, listId, spa }) {
  const tier = TIERS[rec.tier] ?? TIERS.explore;
  // The art is SVG drawn by the shop's own code from catalog constants (colour, shape).
  const media = make('div', { className: 'reco-card__media' }, element(productArt(product)),
    make('span', { className: `reco-badge reco-badge--${rec.tier}`, attrs: { title: tier.why }, text: tier.label }));
  media.style.background = shade(product.colourHex, 0.86); // the art's own backdrop, past its square
  const name = make('a', { className: 'reco-card__name', attrs: { href: `/products/${encodeURIComponent(product.id)}`, 'data-link': spa, 'data-reco-position': position }, text: product.name });
  const rating = make('span', { className: 'rating' },
    make('span', { className: 'stars', attrs: { 'aria-hidden': 'true' }, text: stars(product.rating) }),
    make('span', {}, product.rating.toFixed(1), make('span', { className: 'visually-hidden', text: ' out of 5' }), ` (${product.reviews})`));
  const body = make('div', { className: 'reco-card__body' },
    make('span', { className: 'reco-card__brand', text: product.brand }), name, rating,
    make('span', { className: 'price', text: formatMoney(product.price) }));
  const card = make('article', {
    className: 'card reco-card',
    attrs: { 'data-testid': 'reco-item', 'data-product-id': product.id, 'data-position': position, 'data-list': listId, 'data-tier': rec.tier, 'data-score': rec.score, 'data-reason': rec.reason },
  }, media, body);
  return make('li', {}, card);
}
