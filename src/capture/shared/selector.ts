import { SELECTOR_LEVELS } from '../constants';

/**
 * A short CSS selector for `el` that survives re-renders: it stops at the nearest stable
 * id, `data-sl-id` or `data-testid`; otherwise it is tag + up to two stable classes +
 * `:nth-of-type` where siblings share the tag, for at most five levels. A node that is
 * not an element (or null) gives `''`.
 */
export const cssSelector = (el: Node | null): string => {
  const parts: string[] = [];
  for (let node = el as Element | null; node && node.nodeType == 1 && parts.length < SELECTOR_LEVELS; node = node.parentElement) {
    if (node == document.body || node == document.documentElement) break;
    const anchor = anchorOf(node);
    parts.unshift(anchor || step(node));
    if (anchor) break;
  }
  return parts.join(' > ');
};

/**
 * Generated names (React/Ember ids, CSS-in-JS hashes) change between builds or renders.
 * Tokens of word characters only also need no CSS escaping.
 */
const stable = (token: string): boolean => token.length <= 40 && /^[a-z_][\w-]*$/i.test(token) && !/\d{3}|^(css|sc|jsx|emotion|svelte)-/i.test(token);

/** The id, `data-sl-id` or `data-testid` a developer named the element by, as a selector. */
const anchorOf = (node: Element): string | undefined => {
  const id = node.getAttribute('id');
  if (id && stable(id)) return `#${id}`;
  for (const name of ['data-sl-id', 'data-testid']) {
    const value = node.getAttribute(name);
    // JSON quotes a string as CSS does for `"` and `\`, the characters a CSS string escapes.
    if (value) return `[${name}=${JSON.stringify(value)}]`;
  }
};

// Runs per level of every clicked element, so it walks the siblings and splits the class
// attribute instead of copying `children` and `classList` (several times cheaper).
const step = (node: Element): string => {
  const { tagName } = node;
  let index = 1;
  let shared = false;
  for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.tagName == tagName) index++;
  for (let sibling = node.nextElementSibling; sibling && !shared; sibling = sibling.nextElementSibling) shared = sibling.tagName == tagName;
  const part = [tagName.toLowerCase(), ...(node.getAttribute('class') || '').split(/\s+/).filter(stable).slice(0, 2)].join('.');
  // Position among same-tag siblings, only when some sibling shares the tag.
  return index > 1 || shared ? `${part}:nth-of-type(${index})` : part;
};
