import { findCategory, findProduct } from './catalog.js';

/**
 * The single-page part of the shop's routes (listings, search, product pages) and their
 * titles. No DOM: the storefront server imports it too, to write the same `<title>` into
 * the HTML that the page sets on SPA navigations. The SDK reads the title for the first
 * page view after a frame, which can come before the page's own modules have run.
 */

/** A URL of the SPA as `{ kind: 'product', id }` or `{ kind: 'listing', category, q, params }`. */
export function parseRoute(url) {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const product = path.match(/^\/products\/([\w-]+)$/);
  if (product) return { kind: 'product', id: product[1] };
  const category = path.match(/^\/category\/([\w-]+)$/);
  const q = path === '/search' ? (url.searchParams.get('q') ?? '').trim() : '';
  return { kind: 'listing', category: category ? category[1] : null, q, params: url.searchParams };
}

/** Whether the shop has what a route names: a product or a category that is not there is a 404. */
export function routeFound(route) {
  return route.kind === 'product' ? Boolean(findProduct(route.id)) : !route.category || Boolean(findCategory(route.category));
}

/** The document title of a route (set before pushState, so page views get it). */
export function routeTitle(route) {
  if (!routeFound(route)) return 'Not found — Sightline Outfitters';
  if (route.kind === 'product') return `${findProduct(route.id).name} — Sightline Outfitters`;
  if (route.q) return `Search: ${route.q} — Sightline Outfitters`;
  const category = findCategory(route.category);
  return category ? `${category.name} — Sightline Outfitters` : 'Sightline Outfitters — outdoor gear';
}
