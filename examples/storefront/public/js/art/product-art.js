import { SHAPES } from './shapes.js';

/** Mixes a #rrggbb colour toward black (amount < 0) or white (amount > 0). */
export function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const target = amount < 0 ? 0 : 255;
  const t = Math.abs(amount);
  const mix = (v) => Math.round(v + (target - v) * t);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/**
 * Returns the inline SVG illustrating a product: its shape in its colour on a soft
 * tinted background. Decorative, so it is hidden from assistive technology; the
 * product name next to it carries the meaning.
 */
export function productArt(product, { size = 'card' } = {}) {
  const draw = SHAPES[product.art] ?? SHAPES.pack;
  const c = product.colourHex;
  const body = draw({ c, d: shade(c, -0.35), l: shade(c, 0.55) });
  const bg = shade(c, 0.86);
  return `<svg class="art art--${size}" viewBox="0 0 200 200" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
    <rect width="200" height="200" fill="${bg}"/>
    <ellipse cx="100" cy="180" rx="70" ry="8" fill="${shade(c, -0.2)}" opacity=".12"/>
    ${body}
  </svg>`;
}
