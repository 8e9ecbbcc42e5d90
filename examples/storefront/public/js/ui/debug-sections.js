/**
 * The debug panel's section registry. A module adds its section in one call:
 *
 *   registerDebugSection({ id: 'session', title: 'Session features', order: 40,
 *     refreshMs: 1000, render(el) { el.textContent = JSON.stringify(features()) } });
 *
 * `render(el)` fills the section's content element; it runs when the panel opens and
 * every `refreshMs` while it is open, and may return a cleanup function. Registering an
 * id that exists (e.g. one of the reserved placeholders) replaces it. Pages without
 * modules can use `window.shopDebug.register(section)`.
 */
const sections = new Map();
const watchers = new Set();

function changed() {
  for (const fn of watchers) fn();
}

/** Adds or replaces a section; returns a function that removes it. */
export function registerDebugSection(section) {
  if (!section?.id || typeof section.render !== 'function') throw new TypeError('a debug section needs an id and render(el)');
  sections.set(section.id, { order: 100, title: section.id, ...section });
  changed();
  return () => {
    if (sections.get(section.id)?.render === section.render) sections.delete(section.id);
    changed();
  };
}

/** Sections in display order. */
export function debugSections() {
  return [...sections.values()].sort((a, b) => a.order - b.order);
}

/** Calls `fn` whenever a section is added, replaced or removed. */
export function watchDebugSections(fn) {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** Registers the sections later modules fill in, so QA sees where they will appear. */
export function reservePlaceholders() {
  const reserved = [
    ['session', 'Session features', 40, 'Live session features and the value segment appear here once the session module is enabled.'],
    ['recommendations', 'Recommendations', 50, 'On-device recommendations for this shopper appear here once the recommender is enabled.'],
    ['experiments', 'Experiment variants', 60, 'Active experiments and the variant this visitor sees appear here once experiments are enabled.'],
  ];
  for (const [id, title, order, text] of reserved) {
    if (sections.has(id)) continue;
    sections.set(id, { id, title, order, placeholder: true, render: (el) => { el.textContent = text; } });
  }
  changed();
}
