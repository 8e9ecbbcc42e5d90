import { element } from './dom.js';

/** Shows a short, polite announcement (also read by screen readers) for 4 seconds. */
export function toast(html) {
  let region = document.querySelector('.toasts');
  if (!region) {
    region = element('<div class="toasts" role="status" aria-live="polite"></div>');
    document.body.append(region);
  }
  const node = element(`<div class="toast">${html}</div>`);
  region.append(node);
  setTimeout(() => node.remove(), 4000);
}
