import { productProps, trackCommerce } from '../core/commerce.js';
import { findProduct } from '../data/catalog.js';
import { recommendationsChanged, startRecommendations } from './engine.js';
import { onceVisible } from './impression.js';
import { make } from './make.js';
import { lastList, rememberList } from './shown-lists.js';
import { recoTile } from './tile.js';

/** Longest wait for the SDK module, then for the model, before showing what there is. */
const WAIT_MS = 5000;

const stops = new Map();

/**
 * Fills `section` with a shelf of recommendations: a heading, placeholders while the
 * recommender and its model load, then up to `k` tiles with tier badges. Sends
 * "Recommendation Viewed" once half of the list is on screen, "Recommendation Clicked"
 * on a click. `spec`: `{ listId, title, note, k = 4, context, exclude, spa, redraws }`
 * (`spa`: the links navigate inside the single-page shop; `redraws`: the page re-mounts
 * the shelf while the shopper stays). Hides the section when there is nothing.
 */
export async function mountShelf(section, spec) {
  stops.get(spec.listId)?.();
  const k = spec.k ?? 4;
  const list = make('ul', { className: 'reco-shelf__list', attrs: { 'aria-busy': 'true' } }, ...placeholders(k));
  section.classList.add('reco-shelf');
  section.dataset.testid = 'reco-shelf';
  section.dataset.list = spec.listId;
  section.dataset.state = 'loading';
  section.setAttribute('aria-labelledby', `${spec.listId}-title`);
  section.hidden = false;
  section.replaceChildren(heading(spec), list);
  const engine = await within(startRecommendations());
  if (engine) await within(engine.reco.ready);
  if (!section.isConnected) return;
  const picks = engine ? pick(engine.reco.recommend({ k, context: spec.context, exclude: spec.exclude })) : [];
  if (!picks.length) {
    section.hidden = true;
    section.dataset.state = 'empty';
    return;
  }
  show({ section, list, spec, picks, reco: engine.reco });
}

function show({ section, list, spec, picks, reco }) {
  const modelVersion = reco.model().meta.version;
  list.replaceChildren(...picks.map((p, i) => recoTile(p.product, p.rec, { position: i + 1, listId: spec.listId, spa: Boolean(spec.spa) })));
  list.removeAttribute('aria-busy');
  section.dataset.state = 'ready';
  section.dataset.modelVersion = modelVersion;
  const items = picks.map((p) => p.rec);
  const signature = JSON.stringify([spec.context ?? [], items.map((r) => r.itemId)]);
  const previous = lastList(spec.listId);
  const entry = { listId: spec.listId, section, title: spec.title, items, modelVersion, signature, viewed: false };
  rememberList(entry);
  recommendationsChanged();
  // With `redraws`, showing the same list again (the cart re-draws on every change) is
  // the same impression; a product page opened again is a new one.
  if (spec.redraws && previous?.viewed && previous.signature === signature) entry.viewed = true;
  const stopVisible = entry.viewed ? () => {} : onceVisible(list, () => {
    entry.viewed = true;
    reco.viewed(spec.listId, items);
  });
  const onClick = (e) => clicked(e, { spec, picks, reco });
  list.addEventListener('click', onClick);
  stops.set(spec.listId, () => { stopVisible(); list.removeEventListener('click', onClick); });
}

function clicked(e, { spec, picks, reco }) {
  const link = e.target.closest('a[data-reco-position]');
  const position = Number(link?.dataset.recoPosition);
  const chosen = picks[position - 1];
  if (!chosen) return;
  reco.clicked(spec.listId, chosen.rec, position);
  const plain = e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
  // In the SPA the router navigates and sends Product Clicked from the tile's data-*.
  if (spec.spa || !plain || e.defaultPrevented) return;
  // The link goes on at once: the SDK keeps what a page tracks as it is left (the next page
  // of the shop sends it), so nothing waits for a flush that would only hold the shopper up.
  trackCommerce('Product Clicked', productProps(chosen.product, { position, list_id: spec.listId }));
}

/** Recommendations joined with their products; ids the catalog does not know are dropped. */
function pick(recs) {
  return recs.map((rec) => ({ rec, product: findProduct(rec.itemId) })).filter((p) => p.product);
}

function heading(spec) {
  return make('div', { className: 'reco-shelf__head' },
    make('h2', { attrs: { id: `${spec.listId}-title` }, text: spec.title }),
    make('p', { className: 'reco-shelf__note', text: spec.note ?? '' }));
}

function placeholders(k) {
  return Array.from({ length: k }, () => make('li', { className: 'reco-skeleton', attrs: { 'aria-hidden': 'true' } }));
}

/** `promise`, or null once `ms` passed. */
function within(promise, ms = WAIT_MS) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
