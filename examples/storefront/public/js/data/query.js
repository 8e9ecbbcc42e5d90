import { PRODUCTS } from './catalog.js';

/** Price bands offered as filters; `min` inclusive, `max` exclusive. */
export const PRICE_BANDS = [
  { id: 'under-50', label: 'Under $50', min: 0, max: 50 },
  { id: '50-100', label: '$50 – $100', min: 50, max: 100 },
  { id: '100-200', label: '$100 – $200', min: 100, max: 200 },
  { id: '200-up', label: '$200 and up', min: 200, max: Infinity },
];

/** Sort orders offered in the toolbar. */
export const SORTS = [
  { id: 'featured', label: 'Featured', compare: (a, b) => a.rank - b.rank },
  { id: 'price-asc', label: 'Price: low to high', compare: (a, b) => a.price - b.price },
  { id: 'price-desc', label: 'Price: high to low', compare: (a, b) => b.price - a.price },
  { id: 'rating', label: 'Top rated', compare: (a, b) => b.rating - a.rating || b.reviews - a.reviews },
  { id: 'newest', label: 'New arrivals', compare: (a, b) => Number(b.isNew) - Number(a.isNew) || a.rank - b.rank },
];

function matches(product, tokens) {
  const text = `${product.name} ${product.brand} ${product.categoryName} ${product.colour} ${product.description}`.toLowerCase();
  return tokens.every((t) => text.includes(t));
}

/** Products for a listing: category, search words, price band and brands, sorted. */
export function queryProducts({ category = null, q = '', price = null, brands = [], sort = 'featured' } = {}) {
  const tokens = q.toLowerCase().split(/\s+/).filter(Boolean);
  const band = PRICE_BANDS.find((b) => b.id === price);
  const order = SORTS.find((s) => s.id === sort) ?? SORTS[0];
  return PRODUCTS.filter((p) => (!category || p.category === category)
    && (!tokens.length || matches(p, tokens))
    && (!band || (p.price >= band.min && p.price < band.max))
    && (!brands.length || brands.includes(p.brand)))
    .sort(order.compare);
}
