import { findProduct } from '../data/catalog.js';
import { productProps, trackCommerce } from '../core/commerce.js';
import { bootPage } from '../ui/boot.js';
import { setActiveNav } from '../ui/layout.js';
import { onRestore } from '../ui/restore.js';
import { parseRoute as parse, routeFound as found, routeTitle as title } from '../data/routes.js';
import { showListing, trackListing } from './listing.js';
import { showProduct } from './product.js';

/**
 * The single-page part of the shop: listings and product pages switch with
 * history.pushState, so sightline's page-view capture sees SPA navigations.
 * Cart and checkout are separate documents (full page loads).
 */
function render(route) {
  const main = document.getElementById('main');
  if (route.kind === 'product') {
    setActiveNav(findProduct(route.id)?.category ?? '');
    showProduct(main, route.id);
  } else {
    setActiveNav(route.q ? '' : route.category ?? 'all');
    showListing(main, route);
  }
  const search = document.getElementById('q');
  if (search && route.kind === 'listing') search.value = route.q;
}

/** Goes to a URL inside the SPA: title first, then pushState (the page view reads both). */
export function navigate(href) {
  const url = new URL(href, location.href);
  const route = parse(url);
  document.title = title(route);
  history.pushState({}, '', url.pathname + url.search);
  render(route);
  window.scrollTo(0, 0);
  document.querySelector('#main h1')?.focus({ preventScroll: true });
}

function trackClick(link) {
  const card = link.closest('[data-product-id][data-position]');
  const product = card && findProduct(card.dataset.productId);
  if (!product) return;
  trackCommerce('Product Clicked', productProps(product, { position: Number(card.dataset.position), list_id: card.dataset.list }));
}

function onClick(e) {
  const link = e.target.closest('a[data-link]');
  if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  trackClick(link);
  navigate(link.href);
}

function onSearch(e) {
  if (!e.target.matches('[data-search]')) return;
  e.preventDefault();
  const q = new FormData(e.target).get('q')?.toString().trim() ?? '';
  navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/');
}

const first = parse(new URL(location.href));
bootPage({ active: first.kind === 'listing' && !first.q ? first.category ?? 'all' : '', query: first.q ?? '' });
document.title = title(first);
render(first);
document.addEventListener('click', onClick);
document.addEventListener('submit', onSearch);
// A restore from the back/forward cache is a new page view: the view's events again, as
// the page renders them.
onRestore(() => {
  const route = parse(new URL(location.href));
  const product = route.kind === 'product' && findProduct(route.id);
  if (product) trackCommerce('Product Viewed', productProps(product, { quantity: 1 }));
  if (route.kind === 'listing' && found(route)) trackListing(route);
});
window.addEventListener('popstate', () => {
  const route = parse(new URL(location.href));
  document.title = title(route);
  render(route);
});
