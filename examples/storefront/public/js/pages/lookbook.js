import config from '/config.js';
import { findProduct } from '../data/catalog.js';
import { productArt } from '../art/product-art.js';
import { useClient } from '../core/analytics.js';
import { addToCart, getCart } from '../core/cart.js';
import { listProducts, trackCartChange, trackCommerce } from '../core/commerce.js';
import { formatMoney } from '../core/money.js';
import { bootPage } from '../ui/boot.js';
import { applyStoredConsent } from '../ui/consent-banner.js';
import { escapeHtml } from '../ui/dom.js';
import { onRestore } from '../ui/restore.js';
import { toast } from '../ui/toast.js';

/**
 * The lookbook is the one page that loads sightline as an ES module — the way a
 * front-end developer using `npm i sightline` would — instead of the script tag:
 *
 *   import { createSightline, collector, gzip } from '/sdk/esm/index.js';
 */
const LOOKS = [
  { id: 'ridge-walk', title: 'Shoulder-season ridge walk', text: 'Breathable layers for a cool morning that turns warm by noon.', items: ['sku-1005', 'sku-1035', 'sku-1017', 'sku-1009'] },
  { id: 'under-canvas', title: 'First night under canvas', text: 'A quick pitch, a warm bag and hot coffee at dawn.', items: ['sku-1025', 'sku-1027', 'sku-1029', 'sku-1032'] },
  { id: 'city-trailhead', title: 'City to trailhead', text: 'One kit from the train platform to the first switchback.', items: ['sku-1039', 'sku-1016', 'sku-1019', 'sku-1041'] },
  { id: 'winter-light', title: 'Winter light', text: 'Short days, long shadows and everything to stay warm in them.', items: ['sku-1002', 'sku-1021', 'sku-1043', 'sku-1047'] },
];

async function connect() {
  try {
    const { createSightline, collector, gzip } = await import('/sdk/esm/index.js');
    // gzip (CompressionStream) for every request that is not a beacon: an npm user imports it
    // only when they want it, so it costs the others nothing.
    const transport = collector({ endpoint: config.collectorUrl, format: config.format, writeKey: config.writeKey, compress: gzip });
    const client = createSightline({ writeKey: config.writeKey, debug: config.debug, consent: { default: config.consent }, plugins: [transport] });
    useClient(client, { stats: () => transport.stats() });
    window.sightlineEsm = client; // for QA in the console and for the e2e suite
    return client;
  } catch (error) {
    console.warn('[shop] could not load /sdk/esm/index.js — run `npm run build`', error);
    return null;
  }
}

function look(entry) {
  const products = entry.items.map(findProduct).filter(Boolean);
  const total = products.reduce((sum, p) => sum + p.price, 0);
  return `<article class="card look" data-look="${entry.id}">
    <div class="look__art">${products.slice(0, 3).map((p) => productArt(p)).join('')}</div>
    <div><h2>${escapeHtml(entry.title)}</h2><p class="muted">${escapeHtml(entry.text)}</p></div>
    <ul>${products.map((p) => `<li><a href="/products/${p.id}">${escapeHtml(p.name)}</a><span class="price">${formatMoney(p.price)}</span></li>`).join('')}</ul>
    <button class="btn btn-primary" type="button" data-add-look="${entry.id}">Add the look · ${formatMoney(total)}</button></article>`;
}

function addLook(id) {
  const entry = LOOKS.find((l) => l.id === id);
  for (const product of entry.items.map(findProduct).filter(Boolean)) {
    trackCartChange(product, addToCart(product.id, 1), { list_id: `lookbook-${id}` });
  }
  toast(`Added “${escapeHtml(entry.title)}” · <a href="/cart">View cart</a>`);
}

const client = await connect();
applyStoredConsent();
bootPage({ active: 'lookbook' });
const main = document.getElementById('main');
main.innerHTML = `<div class="listing-head"><div><h1 tabindex="-1">Lookbook</h1><p>Four kits our staff actually take out — add a whole look in one go.</p></div></div>
  <div class="looks">${LOOKS.map(look).join('')}</div>
  <aside class="card tech-note"><strong>For developers:</strong> this page loads sightline with
  <code>import { createSightline, collector } from '/sdk/esm/index.js'</code> instead of the script tag;
  every other page uses the tag. Cart <code>${escapeHtml(getCart().id)}</code> is shared across both.</aside>`;
main.addEventListener('click', (e) => {
  const button = e.target.closest('[data-add-look]');
  if (button) addLook(button.dataset.addLook);
});
function viewed() {
  client?.page('Lookbook');
  trackCommerce('Product List Viewed', {
    list_id: 'lookbook',
    category: 'Lookbook',
    products: listProducts(LOOKS.flatMap((l) => l.items).map(findProduct).filter(Boolean), 'lookbook'),
  });
}
viewed();
// This page sends its page view itself (no autocapture here): a restore is a new one.
onRestore(viewed);
