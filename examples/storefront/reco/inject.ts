import { importMap } from '../vendor.ts';

/** The browser module that starts the recommender on every page. */
export const RECO_BOOT = '/js/reco/boot.js';

/**
 * Adds on-device recommendations to a rendered page, whatever its loading style:
 *
 * - an import map (unless the page has one, like the lookbook): `sightline/recommend`
 *   is loaded as ES modules from `/sdk/esm/`, whose bare `idb-keyval` import the browser
 *   can only resolve through a map, and a map must come before the first module;
 * - `RECO_BOOT` as the first module script. Module scripts run in document order, so it
 *   registers the recommender (the script-tag stub queues the call) before the page's own
 *   module sends its first Product Viewed, and the recommender sees it.
 */
export function withRecommendations(html: string, nodeModulesDir: string): string {
  let out = html;
  if (!out.includes('<script type="importmap">')) {
    const map = JSON.stringify(importMap(nodeModulesDir)).replace(/</g, '\\u003c');
    out = insertBefore(out, '<script', `<script type="importmap">${map}</script>\n  `);
  }
  return insertBefore(out, '<script type="module"', `<script type="module" src="${RECO_BOOT}"></script>\n  `);
}

/** Inserts `text` before the first `marker`, else before `</head>`. */
function insertBefore(html: string, marker: string, text: string): string {
  const at = html.indexOf(marker);
  const index = at >= 0 ? at : html.indexOf('</head>');
  return index < 0 ? html : html.slice(0, index) + text + html.slice(index);
}
