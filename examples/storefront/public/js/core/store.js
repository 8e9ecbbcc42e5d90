/**
 * The shop's own browser storage. Every key starts with `shop_` so tests (and people
 * reading DevTools) can tell the shop's data apart from anything sightline stores.
 */
export const PREFIX = 'shop_';

function area(kind) {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe)
  }
}

/** Reads and parses `shop_<key>`; returns `fallback` when missing or unreadable. */
export function readJson(key, fallback, kind = 'local') {
  try {
    const text = area(kind)?.getItem(PREFIX + key);
    return text ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON under `shop_<key>`; a full or disabled storage is ignored. */
export function writeJson(key, value, kind = 'local') {
  try {
    area(kind)?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: the shop still works for this page view.
  }
}

/** Removes `shop_<key>`. */
export function remove(key, kind = 'local') {
  try {
    area(kind)?.removeItem(PREFIX + key);
  } catch {
    // nothing to do
  }
}

/** A short random id with a readable prefix, e.g. `cart_k3j9x0a1`. */
export function shortId(prefix) {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 10)}`;
}
