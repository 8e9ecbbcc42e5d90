import { BRANDS, CATEGORIES, PRODUCTS, findCategory } from '../data/catalog.js';
import { routeFound } from '../data/routes.js';
import { PRICE_BANDS, SORTS, queryProducts } from '../data/query.js';
import { productArt } from '../art/product-art.js';
import { listProducts, trackCommerce } from '../core/commerce.js';
import { escapeHtml } from '../ui/dom.js';
import { productCard } from '../ui/product-card.js';

/** Products sent in a list event: the first screenfuls, as the spec suggests for long lists. */
const LIST_EVENT_LIMIT = 24;

function listIdOf(route) {
  if (route.q) return 'search-results';
  return route.category ?? 'all-products';
}

// URL values are untrusted: anything that is not a known band, brand or sort is ignored.
function readFilters(params) {
  const price = params.get('price');
  const sort = params.get('sort');
  return {
    price: PRICE_BANDS.some((b) => b.id === price) ? price : null,
    brands: (params.get('brand') || '').split(',').filter((b) => BRANDS.includes(b)),
    sort: SORTS.some((s) => s.id === sort) ? sort : 'featured',
  };
}

function writeFilters(route, filters) {
  const params = new URLSearchParams();
  if (route.q) params.set('q', route.q);
  if (filters.price) params.set('price', filters.price);
  if (filters.brands.length) params.set('brand', filters.brands.join(','));
  if (filters.sort !== 'featured') params.set('sort', filters.sort);
  const search = params.toString();
  return location.pathname + (search ? `?${search}` : '');
}

function heading(route) {
  if (route.q) return { title: `Results for “${escapeHtml(route.q)}”`, blurb: 'Searching names, brands, colours and descriptions.' };
  const category = findCategory(route.category);
  if (category) return { title: category.name, blurb: category.blurb };
  return { title: 'All gear', blurb: 'Everything we stock, tested on real trails.' };
}

function hero() {
  const picks = ['sku-1009', 'sku-1025', 'sku-1003'].map((id) => PRODUCTS.find((p) => p.id === id));
  return `<section class="hero" aria-labelledby="hero-title">
    <div><p class="pill" style="background:rgb(255 255 255 / 14%);color:#fff">Autumn collection</p>
      <h1 id="hero-title">Built for the long way round.</h1>
      <p>Weatherproof shells, packs that carry light and boots that last for decades — chosen by people who walk a lot.</p>
      <a class="btn btn-accent" href="/category/jackets" data-link>Shop jackets</a>
      <a class="btn btn-ghost" href="/lookbook">See the lookbook</a></div>
    <div class="hero__art">${picks.map((p) => productArt(p, { size: 'hero' })).join('')}</div></section>`;
}

function sidebar(route, filters) {
  const count = (id) => PRODUCTS.filter((p) => p.category === id).length;
  // Open beside the grid on wide screens; folded away above it on phones.
  const wide = window.matchMedia('(min-width: 901px)').matches;
  return `<details class="card filters" ${wide ? 'open' : ''}><summary>Filters</summary><form data-filters aria-label="Filters">
    <fieldset><legend>Category</legend>
      <a class="opt" href="/" data-link ${!route.category && !route.q ? 'aria-current="page"' : ''}>All gear</a>
      ${CATEGORIES.map((c) => `<a class="opt" href="/category/${c.id}" data-link ${c.id === route.category ? 'aria-current="page"' : ''}>${c.name}<span class="count">${count(c.id)}</span></a>`).join('')}
    </fieldset>
    <fieldset><legend>Price</legend>
      <label class="opt"><input type="radio" name="price" value="" ${!filters.price ? 'checked' : ''}> Any price</label>
      ${PRICE_BANDS.map((b) => `<label class="opt"><input type="radio" name="price" value="${b.id}" ${filters.price === b.id ? 'checked' : ''}> ${b.label}</label>`).join('')}
    </fieldset>
    <fieldset><legend>Brand</legend>
      ${BRANDS.map((b) => `<label class="opt"><input type="checkbox" name="brand" value="${escapeHtml(b)}" ${filters.brands.includes(b) ? 'checked' : ''}> ${escapeHtml(b)}</label>`).join('')}
    </fieldset></form></details>`;
}

function results(products, filters, listId) {
  const chips = [
    ...(filters.price ? [`<button class="chip" type="button" data-unset="price">${PRICE_BANDS.find((b) => b.id === filters.price)?.label} ✕</button>`] : []),
    ...filters.brands.map((b) => `<button class="chip" type="button" data-unset-brand="${escapeHtml(b)}">${escapeHtml(b)} ✕</button>`),
  ].join('');
  const grid = products.length
    ? `<ul class="grid" data-testid="product-grid">${products.map((p, i) => productCard(p, { position: i + 1, listId })).join('')}</ul>`
    : '<div class="empty card"><h2>Nothing matches yet</h2><p>Try fewer filters or another search.</p><a class="btn btn-ghost" href="/" data-link>Show all gear</a></div>';
  return `<div class="toolbar"><p class="muted" data-testid="result-count" aria-live="polite">${products.length} product${products.length === 1 ? '' : 's'}</p>
    <div class="active-filters">${chips}</div>
    <label>Sort by <select name="sort" data-sort>${SORTS.map((s) => `<option value="${s.id}" ${s.id === filters.sort ? 'selected' : ''}>${s.label}</option>`).join('')}</select></label></div>${grid}`;
}

function sortSpec(sort) {
  const [type, value = 'desc'] = sort.split('-');
  return [{ type, value }];
}

function filteredEvent(listId, filters, products) {
  return {
    list_id: listId,
    filters: [...(filters.price ? [{ type: 'price', value: filters.price }] : []), ...filters.brands.map((b) => ({ type: 'brand', value: b }))],
    sorts: sortSpec(filters.sort),
    products: listProducts(products.slice(0, LIST_EVENT_LIMIT), listId),
  };
}

/** Filter and sort changes: update the URL in place, redraw, send Product List Filtered. */
function wireFilters(main, route, filters, { listId, draw }) {
  const update = (change) => {
    Object.assign(filters, change);
    history.replaceState(history.state, '', writeFilters(route, filters));
    const products = draw(update);
    main.querySelector(`input[name="price"][value="${filters.price ?? ''}"]`).checked = true;
    for (const box of main.querySelectorAll('input[name="brand"]')) box.checked = filters.brands.includes(box.value);
    trackCommerce('Product List Filtered', filteredEvent(listId, filters, products));
  };
  main.querySelector('[data-filters]').addEventListener('change', (e) => {
    if (e.target.name === 'price') update({ price: e.target.value || null });
    if (e.target.name === 'brand') update({ brands: [...main.querySelectorAll('input[name="brand"]:checked')].map((b) => b.value) });
  });
  main.querySelector('[data-results]').addEventListener('click', (e) => {
    const chip = e.target.closest('.chip');
    if (chip?.dataset.unset) update({ price: null });
    else if (chip?.dataset.unsetBrand) update({ brands: filters.brands.filter((b) => b !== chip.dataset.unsetBrand) });
  });
  return update;
}

/**
 * Shows a listing (home, category or search) and sends Products Searched and Product
 * List Viewed; filter and sort changes update the URL in place and send Product List Filtered.
 */
export function showListing(main, route) {
  // A category the shop does not have: said so, and no list of everything sent in its name.
  if (!routeFound(route)) {
    main.innerHTML = '<div class="empty card"><h1 tabindex="-1">We could not find that category</h1><p><a href="/" data-link>Back to the shop</a></p></div>';
    return;
  }
  const filters = readFilters(route.params);
  const listId = listIdOf(route);
  const head = heading(route);
  const home = !route.category && !route.q && route.params.size === 0;
  main.innerHTML = `${home ? hero() : ''}<div class="listing-head"><div><h1 tabindex="-1">${head.title}</h1><p>${head.blurb}</p></div></div>
    <div class="layout">${sidebar(route, filters)}<section aria-label="Products" data-results></section></div>`;
  const target = main.querySelector('[data-results]');
  const draw = (update) => {
    const products = listed(route, filters);
    target.innerHTML = results(products, filters, listId);
    target.querySelector('[data-sort]').addEventListener('change', (e) => update({ sort: e.target.value }));
    return products;
  };
  trackListing(route, draw(wireFilters(main, route, filters, { listId, draw })));
}

/** The products a listing shows: those of its category or search, filtered and sorted. */
function listed(route, filters) {
  return queryProducts({ category: route.category, q: route.q, ...filters });
}

/**
 * Sends Products Searched (for a search) and Product List Viewed for the products a listing
 * shows: those its URL selects, unless given.
 */
export function trackListing(route, products = listed(route, readFilters(route.params))) {
  const listId = listIdOf(route);
  if (route.q) trackCommerce('Products Searched', { query: route.q });
  trackCommerce('Product List Viewed', {
    list_id: listId,
    category: findCategory(route.category)?.name ?? (route.q ? 'Search' : 'All'),
    ...(route.q ? { query: route.q } : {}),
    products: listProducts(products.slice(0, LIST_EVENT_LIMIT), listId),
  });
}
