/** Longest text kept, in characters, after collapsing whitespace. */
const MAX_TEXT = 100;
/** Subtrees whose text is never read: what a shopper typed, and code. */
const PRIVATE = 'input,textarea,select,script,style,[contenteditable]:not([contenteditable="false"])';

/**
 * The visible label of a clicked element: its text (trimmed, whitespace collapsed, at most
 * 100 characters), else its aria-label or title. Never from inputs, textareas, selects or
 * editable regions, and never an input's value: for `<input type="submit">` only the
 * aria-label or title is used.
 */
export function elementText(el: Element): string | undefined {
  if (el.closest(PRIVATE)) return el.matches('input[type=submit],input[type=button]') ? label(el) : undefined;
  return collapse(visibleText(el)) || label(el);
}

function label(el: Element): string | undefined {
  return collapse(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '') || undefined;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** Walks text nodes only until enough is read: a huge container costs no more than a button. */
function visibleText(el: Element): string {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (node as Element).matches(PRIVATE)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  let text = '';
  while (text.length < MAX_TEXT * 2 && walker.nextNode()) text += `${walker.currentNode.nodeValue} `;
  return text;
}
