/**
 * The recommendation lists on screen now, for the debug panel: by list id, the section
 * showing it, its items and the model version.
 */
const lists = new Map();

/** Records what a shelf shows (replacing that list's previous entry); keeps `entry` itself, which the shelf updates. */
export function rememberList(entry) {
  lists.set(entry.listId, entry);
}

/** Lists whose section is still in the page (an SPA navigation removes the product page's). */
export function listsOnScreen() {
  return [...lists.values()].filter((entry) => entry.section.isConnected);
}

/** The entry last shown under `listId`, on screen or not. */
export function lastList(listId) {
  return lists.get(listId);
}
