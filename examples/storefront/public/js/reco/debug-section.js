import { findProduct } from '../data/catalog.js';
import { registerDebugSection } from '../ui/debug-sections.js';
import { onRecommendationsChange, runningRecommender, startRecommendations } from './engine.js';
import { make } from './make.js';
import { listsOnScreen } from './shown-lists.js';

/**
 * The debug panel's "Recommendations" section: the model in use, every list on screen
 * and what the recommender would suggest next, each item with its tier, score and
 * reason. Redrawn on every commerce event, so QA sees the lists follow the shopper.
 */
export function registerRecommendationsSection() {
  registerDebugSection({ id: 'recommendations', title: 'Recommendations', order: 50, render });
}

function render(el) {
  const draw = () => el.replaceChildren(...content());
  draw();
  startRecommendations().then(draw);
  return onRecommendationsChange(draw);
}

function content() {
  const running = runningRecommender();
  if (!running) return [make('p', { className: 'hint', text: 'Loading sightline/recommend and the model…' })];
  const { reco } = running;
  const live = reco.recommend({ k: 4 });
  return [
    modelFacts(reco.model()),
    ...listsOnScreen().flatMap((list) => table(`On screen: ${list.title} (${list.listId})`, list.items)),
    ...table('Next for this shopper (recommend())', live),
  ];
}

function modelFacts(model) {
  const { meta, tiers } = model;
  const rows = [
    ['model', meta.version],
    ['trained on', `${meta.sessionCount.toLocaleString('en')} sessions · ${meta.itemCount} items`],
    ['loaded from', meta.source + (model.error ? ` (${model.error.code})` : '')],
    ['must-buy from', `share ≥ ${tiers.mustBuyShare}`],
  ];
  return make('dl', { className: 'kv', attrs: { 'data-testid': 'debug-reco-model' } }, ...rows.flatMap(([k, v]) => [make('dt', { text: k }), make('dd', { text: v })]));
}

function table(caption, items) {
  if (!items.length) return [make('p', { className: 'hint', text: `${caption}: nothing yet` })];
  const head = make('tr', {}, ...['#', 'product', 'tier', 'score', 'reason'].map((h) => make('th', { attrs: { scope: 'col' }, text: h })));
  const rows = items.map((item, i) => make('tr', { attrs: { 'data-testid': 'debug-reco-item', 'data-tier': item.tier } },
    make('td', { text: i + 1 }),
    make('td', { attrs: { title: item.itemId }, text: findProduct(item.itemId)?.name ?? item.itemId }),
    make('td', { className: `reco-debug__tier reco-debug__tier--${item.tier}`, text: item.tier }),
    make('td', { text: item.score.toFixed(3) }),
    make('td', { text: item.reason })));
  return [make('table', { className: 'reco-debug' }, make('caption', { text: caption }), make('thead', {}, head), make('tbody', {}, ...rows))];
}
