import { MAX_TEXT } from '../constants';
import type { Finder } from './opt-out';

/** Subtrees whose text is never read: what a shopper typed, and code. */
const PRIVATE = 'input,select,textarea,script,style,[contenteditable]:not([contenteditable="false"])';

/**
 * The visible label of a clicked element: its text (trimmed, whitespace collapsed, at most
 * 100 characters), else its aria-label or title. Never from inputs, textareas, selects or
 * editable regions, never from a part the shop opted out of capture (what `find` does not
 * find: `data-sl-no-capture`, `denySelectors`), and never an input's value: for
 * `<input type="submit">` only the aria-label or title is used. Empty, or false inside a
 * private part, when there is none (the caller spreads `text && { text }`). `el` itself was
 * found by `find`.
 */
export const elementText = (el: Element, find: Finder): string | false => {
  // Read whether or not it is used: two attribute reads are cheap, and smaller than a closure.
  const label = collapse(el.getAttribute('aria-label') || el.getAttribute('title') || '');
  if (el.closest(PRIVATE)) return el.matches('input[type=submit],input[type=button]') && label;
  return collapse(visibleText(el, find)) || label;
};

/** Trims, collapses whitespace and cuts to {@link MAX_TEXT}: the form every captured text takes. */
export const collapse = (text: string, max = MAX_TEXT): string => text.replace(/\s+/g, ' ').trim().slice(0, max);

/**
 * Walks text nodes only until enough is read: a huge container costs no more than a button.
 * A text node counts unless its parent is inside a private or opted-out part: `el` itself
 * is in neither (the caller checked), so `closest` finds only parts inside it. (One test per
 * text node, not a filter per element that rejects whole subtrees: the same text, and
 * smaller; the text nodes of a left-out part are walked past, and the walk still ends once
 * enough is read.)
 */
const visibleText = (el: Element, find: Finder): string => {
  const walker = document.createTreeWalker(el, 4 /* SHOW_TEXT */, {
    // 1 accept, 3 skip. A text node inside `el` always has a parent element.
    acceptNode: (node) => (find({ target: node }) && !node.parentElement!.closest(PRIVATE) ? 1 : 3),
  });
  let text = '';
  while (text.length < MAX_TEXT * 2 && walker.nextNode()) text += `${walker.currentNode.nodeValue} `;
  return text;
};
