import { updateConsent } from '../core/analytics.js';
import { readJson, writeJson } from '../core/store.js';
import { element } from './dom.js';

/**
 * The consent banner. The choice is kept in localStorage as `shop_consent`
 * (`{ choice, categories, at }`) and handed to `sightline.consent.update`. Until the
 * shopper chooses, the SDK runs with `data-consent="denied"`: nothing sent, nothing stored.
 */
const KEY = 'consent';
const CATEGORIES = [
  ['analytics', 'Analytics', 'Count visits and see which products people look at, so we can improve the shop.'],
  ['personalization', 'Personalization', 'Recommend products from what you browsed — computed on your device.'],
  ['fingerprinting', 'Device recognition', 'Recognise this device to spot fraud and keep your cart across visits.'],
];
const ALL = { analytics: true, personalization: true, fingerprinting: true };
const NONE = { analytics: false, personalization: false, fingerprinting: false };

/** The stored choice, or null when the shopper has not chosen yet. */
export function storedConsent() {
  return readJson(KEY, null);
}

function decide(choice, categories) {
  writeJson(KEY, { choice, categories, at: new Date().toISOString() });
  updateConsent(categories);
  window.dispatchEvent(new CustomEvent('shop:consent', { detail: categories }));
  document.querySelector('.consent')?.remove();
}

function banner(customize) {
  const current = storedConsent()?.categories ?? NONE;
  const toggles = CATEGORIES.map(([id, name, text]) => `<label class="toggle">
      <input type="checkbox" name="${id}" ${current[id] ? 'checked' : ''} data-testid="consent-${id}">
      <div><strong>${name}</strong><span>${text}</span></div></label>`).join('');
  return `<section class="consent" role="region" aria-labelledby="consent-title" data-testid="consent-banner">
    <h2 id="consent-title">Your privacy, your choice</h2>
    <p>We use sightline to understand how the shop is used and to suggest gear you may like. Nothing is sent or stored until you agree, and you can change your mind any time under “Privacy settings”.</p>
    ${customize ? `<fieldset class="consent__choices"><legend class="visually-hidden">Consent categories</legend>
      <label class="toggle"><input type="checkbox" checked disabled><div><strong>Necessary</strong><span>Your cart and this choice. Always on.</span></div></label>
      ${toggles}</fieldset>` : ''}
    <div class="consent__actions">
      <button class="btn btn-ghost" type="button" data-consent="reject" data-testid="consent-reject">Reject all</button>
      ${customize
        ? '<button class="btn btn-ghost" type="button" data-consent="save" data-testid="consent-save">Save choices</button>'
        : '<button class="btn btn-ghost" type="button" data-consent="customize" data-testid="consent-customize">Customize</button>'}
      <button class="btn btn-primary" type="button" data-consent="accept" data-testid="consent-accept">Accept all</button>
    </div></section>`;
}

/** Shows the banner (optionally straight in the per-category view). */
export function showConsentBanner(customize = false, { focus = true } = {}) {
  document.querySelector('.consent')?.remove();
  const node = element(banner(customize));
  node.addEventListener('click', (e) => {
    const action = e.target.closest('[data-consent]')?.dataset.consent;
    if (action === 'accept') decide('accepted', ALL);
    else if (action === 'reject') decide('rejected', NONE);
    else if (action === 'customize') showConsentBanner(true, { focus: true });
    else if (action === 'save') {
      const picked = Object.fromEntries(CATEGORIES.map(([id]) => [id, node.querySelector(`input[name="${id}"]`).checked]));
      decide('custom', picked);
    }
  });
  document.body.append(node);
  // Focus moves only when the shopper opened the banner, never on page load.
  if (focus) node.querySelector('button')?.focus({ preventScroll: true });
}

/** Shows the banner if no choice is stored, and wires the footer's “Privacy settings”. */
export function mountConsent() {
  if (!storedConsent()) showConsentBanner(false, { focus: false });
  document.addEventListener('click', (e) => {
    if (e.target.closest('[data-open-consent]')) showConsentBanner(true);
  });
}

/** For the ESM page, which has no inline snippet: re-applies a stored choice. */
export function applyStoredConsent() {
  const stored = storedConsent();
  if (stored) updateConsent(stored.categories);
}
