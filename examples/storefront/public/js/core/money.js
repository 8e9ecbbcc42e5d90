/** The shop's currency (ISO 4217), sent with every commerce event. */
export const CURRENCY = 'USD';

const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: CURRENCY });

/** Formats an amount for people: `$1,234.50`. */
export function formatMoney(amount) {
  return formatter.format(amount);
}

/** Rounds to cents, avoiding 0.1 + 0.2 artefacts in totals sent to the collector. */
export function cents(amount) {
  return Math.round(amount * 100) / 100;
}
