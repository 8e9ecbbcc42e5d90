/**
 * Creates an element with a class, attributes, text and children (nodes or strings).
 * Text only ever becomes text nodes: names and ids from the model or the catalog are
 * never parsed as HTML.
 */
export function make(tag, { className = '', attrs = {}, text } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) {
    // `true` writes a bare attribute (`data-link`); undefined and false leave it out.
    if (value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== undefined) node.textContent = String(text);
  node.append(...children);
  return node;
}
