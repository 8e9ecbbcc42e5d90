import { describe, expect, it } from 'vitest';
import { props, waitForEvents } from '../utils/e2e-collector';
import { checkpoint, everythingStored, named, waitForNamed } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';
import { addToCart, openCart, openProduct } from '../utils/e2e-shop';

const shop = useCaptureStack();

// What the shopper types: unique, so any trace of it in the stored events is a leak.
const SECRET_EMAIL = 'quillon.vantablack+e2e@example.org';
const SECRET_NAME = 'Zephyrinaud';

describe('form abandonment in Chromium, without a typed value ever leaving the page', () => {
  it('sends "Form Abandoned" with the fields touched when the shopper types in the newsletter form and navigates away', async () => {
    const { page, anonymousId } = await shop.newShopper('/category/jackets');
    await page.click('#newsletter-email');
    await page.keyboard.type(SECRET_EMAIL);
    await page.click('nav [data-nav="packs"]'); // an SPA navigation ends the page view
    const events = await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Form Started', 'Form Abandoned'] });

    const abandoned = props(named(events, 'Form Abandoned')[0]);
    expect(abandoned).toMatchObject({ formId: 'newsletter', formName: 'newsletter', action: '/newsletter', path: '/category/jackets', fieldCount: 1, fieldsTouched: 1, lastField: 'email' });
    expect(abandoned.fields).toEqual([{ name: 'email', type: 'email', focusCount: 1, blurCount: 1, timeMs: expect.any(Number) }]);
    expect(named(events, 'Form Submitted')).toEqual([]);
    const stored = await everythingStored(shop.collectorUrl());
    expect(stored).toContain(anonymousId); // the search covers this shopper's events
    expect(stored).not.toContain(SECRET_EMAIL.toLowerCase());
  });

  it('sends "Form Submitted" and no "Form Abandoned" when the shopper signs up, then navigates away', async () => {
    const { page, anonymousId } = await shop.newShopper('/category/jackets');
    await page.click('#newsletter-email');
    await page.keyboard.type(SECRET_EMAIL);
    await page.keyboard.press('Enter');
    await page.locator('[data-newsletter-done]').waitFor();
    await page.click('nav [data-nav="packs"]');
    await waitForEvents(shop.collectorUrl(), { anonymousId, describe: 'the page view of packs', until: (e) => named(e, 'page').length === 2 });
    const events = await checkpoint(page, shop.collectorUrl(), anonymousId);

    expect(props(named(events, 'Form Submitted')[0])).toMatchObject({ formId: 'newsletter', fieldsTouched: 1 });
    expect(named(events, 'page').map((e) => props(e).path)).toEqual(['/category/jackets', '/category/packs']);
    expect(named(events, 'Form Abandoned')).toEqual([]);
    expect(await everythingStored(shop.collectorUrl())).not.toContain(SECRET_EMAIL.toLowerCase());
  });

  it('sends "Form Abandoned" from checkout when the shopper leaves for the cart half way through the address', async () => {
    const { page, anonymousId } = await shop.newShopper('/products/sku-1005');
    await addToCart(page, 1);
    await openCart(page);
    await page.click('[data-testid="checkout-button"]');
    await page.locator('[data-step-form="1"]').waitFor();
    await page.click('#email');
    await page.keyboard.type(SECRET_EMAIL);
    await page.click('#firstName');
    await page.keyboard.type(SECRET_NAME);
    await page.click('a[href="/cart"] >> text=Back to cart'); // a full page load: sent as the page goes
    const events = await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Form Abandoned'] });

    const abandoned = props(named(events, 'Form Abandoned')[0]);
    expect(abandoned).toMatchObject({ path: '/checkout', fieldsTouched: 2, lastField: 'firstName' });
    expect(abandoned.fields.map((f: { name: string }) => f.name)).toEqual(['email', 'firstName']);
    expect(named(events, 'Checkout Step Completed')).toEqual([]);
    const stored = await everythingStored(shop.collectorUrl());
    expect(stored).toContain(anonymousId);
    expect(stored).not.toContain(SECRET_EMAIL.toLowerCase());
    expect(stored).not.toContain(SECRET_NAME.toLowerCase());
  });
});
