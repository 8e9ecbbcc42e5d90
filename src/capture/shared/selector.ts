/** Selectors stay short: the nearest few levels identify an element well enough. */
const MAX_LEVELS = 5;
/** Attributes a developer sets to name an element, tried after the id. */
const ANCHOR_ATTRIBUTES = ['data-sl-id', 'data-testid'] as const;

/**
 * A short CSS selector for `el` that survives re-renders: it stops at the nearest stable
 * id, `data-sl-id` or `data-testid`; otherwise it is tag + up to two stable classes +
 * `:nth-of-type` where siblings share the tag, for at most five levels.
 */
export function cssSelector(el: Element | null): string {
  const parts: string[] = [];
  for (let node = el; node && parts.length < MAX_LEVELS; node = node.parentElement) {
    if (node === document.body || node === document.documentElement) break;
    const anchor = anchorOf(node);
    if (anchor) {
      parts.unshift(anchor);
      break;
    }
    parts.unshift(step(node));
  }
  return parts.join(' > ');
}

/**
 * Generated names (React/Ember ids, CSS-in-JS hashes) change between builds or renders.
 * Tokens of word characters only also need no CSS escaping.
 */
function stable(token: string): boolean {
  return token.length <= 40 && /^[a-z_][\w-]*$/i.test(token) && !/\d{3}|^(css|sc|jsx|emotion|svelte)-/i.test(token);
}

function anchorOf(node: Element): string | undefined {
  const id = node.getAttribute('id');
  if (id && stable(id)) return `#${id}`;
  for (const name of ANCHOR_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value) return `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
  }
  return undefined;
}

function step(node: Element): string {
  const tag = node.tagName;
  const part = tag.toLowerCase() + Array.from(node.classList).filter(stable).slice(0, 2).map((c) => `.${c}`).join('');
  // Position among same-tag siblings; only the earlier ones need counting, and the later
  // ones only until the first match (is there any?): half the walk of counting them all.
  let index = 1;
  for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.tagName === tag) index++;
  let shared = index > 1;
  for (let sibling = node.nextElementSibling; sibling && !shared; sibling = sibling.nextElementSibling) shared = sibling.tagName === tag;
  return shared ? `${part}:nth-of-type(${index})` : part;
}
