import type { BrowserContext, Page } from 'playwright-core';

/** The shopper the journeys check out as. The email must never reach the collector. */
export const SHOPPER = {
  email: 'Robin.Hiker@example.com',
  firstName: 'Robin',
  lastName: 'Hiker',
  address: '12 Ridge Road',
  city: 'Boulder',
  postcode: '80302',
  card: '4242 4242 4242 4242',
  expiry: '12/29',
  cvc: '123',
};

/** Stores a consent choice before any page script runs, as if the shopper chose earlier. */
export async function presetConsent(context: BrowserContext, choice: 'accepted' | 'rejected' = 'accepted'): Promise<void> {
  const on = choice === 'accepted';
  const value = JSON.stringify({ choice, categories: { analytics: on, personalization: on, fingerprinting: on } });
  await context.addInitScript((stored) => {
    if (!localStorage.getItem('shop_consent')) localStorage.setItem('shop_consent', stored);
  }, value);
}

/** Resolves once the real SDK replaced the stub on `window.sightline`. */
export async function waitForSdk(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as any).sightline?.__sightline), undefined, { timeout: 15_000 });
}

/** Opens a shop path and waits for the SDK. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForSdk(page);
}

/** The anonymous id sightline gave this browser. */
export function anonymousId(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).sightline.user().anonymousId as string);
}

/** Asks the SDK to send what it buffered (a shortcut; delivery works without it). */
export async function flushSdk(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).sightline.flush());
}

/** Searches from the header and waits for the results. */
export async function search(page: Page, query: string): Promise<void> {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  await page.getByRole('heading', { level: 1, name: new RegExp(query, 'i') }).waitFor();
}

/** Clicks a product tile by its name and waits for its page. */
export async function openProduct(page: Page, name: string): Promise<void> {
  await page.locator('.product-card__name', { hasText: name }).first().click();
  await page.locator('[data-testid="product-page"]').waitFor();
}

/** Adds the product on screen to the cart and waits for the badge to change. */
export async function addToCart(page: Page, quantity = 1): Promise<void> {
  const before = Number(await page.locator('[data-cart-count]').textContent());
  await page.fill('#qty', String(quantity));
  await page.click('[data-testid="add-to-cart"]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-cart-count]')?.textContent) === n, before + quantity);
}

/** Opens the cart page from the header. */
export async function openCart(page: Page): Promise<void> {
  await page.click('[data-testid="cart-link"]');
  await page.waitForURL(/\/cart$/);
  await waitForSdk(page);
}

/** Applies a coupon on the cart page. */
export async function applyCoupon(page: Page, code: string): Promise<void> {
  await page.fill('#coupon', code);
  await page.click('[data-coupon] button[type="submit"]');
  await page.locator('[data-coupon-note][data-kind]').waitFor();
}

/**
 * From the cart: shipping → payment → review → place order; returns the order id shown.
 * `onStep(n)` runs when step n is on screen (screenshots).
 */
export async function checkOut(page: Page, onStep: (step: number) => Promise<unknown> = async () => {}): Promise<string> {
  await page.click('[data-testid="checkout-button"]');
  await page.waitForURL(/\/checkout$/);
  await page.locator('[data-step-form="1"]').waitFor();
  await onStep(1);
  await page.fill('#email', SHOPPER.email);
  for (const field of ['firstName', 'lastName', 'address', 'city', 'postcode'] as const) await page.fill(`#${field}`, SHOPPER[field]);
  await page.click('[data-testid="continue"]');
  await page.locator('[data-step-form="2"]').waitFor();
  await onStep(2);
  await page.fill('#cardName', `${SHOPPER.firstName} ${SHOPPER.lastName}`);
  await page.fill('#cardNumber', SHOPPER.card);
  await page.fill('#expiry', SHOPPER.expiry);
  await page.fill('#cvc', SHOPPER.cvc);
  await page.click('[data-testid="continue"]');
  await page.locator('[data-step-form="3"]').waitFor();
  await onStep(3);
  await page.click('[data-testid="place-order"]');
  await page.waitForURL(/\/confirmation\?order=/);
  return (await page.locator('[data-testid="order-id"]').textContent()) ?? '';
}
