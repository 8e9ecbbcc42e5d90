import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForEvents } from '../utils/e2e-collector';
import { anonymousId, presetConsent, visit } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// Tabs of one shop open at the same time: what one tab stores of the identity (a login's
// identify, a logout's reset, a first visit's new anonymous id) the others take up from the
// browser's `storage` event, before their next event, without a reload.
const env = useE2eEnv();

async function shopper(): Promise<BrowserContext> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  return context;
}

const userOf = (page: Page) => page.evaluate(() => (window as any).sightline.user() as { anonymousId: string; userId: string | null; traits: object });

/** Tracks `name` and sends it. */
const trackNow = (page: Page, name: string) =>
  page.evaluate((name) => {
    (window as any).sightline.track(name);
    return (window as any).sightline.flush();
  }, name);

describe('tabs of one shop open at the same time', () => {
  it('send with the identity another tab identified, then with the one its logout reset', async () => {
    const context = await shopper();
    const [shop, cart] = [await context.newPage(), await context.newPage()];
    await visit(shop, `${env.stack.shop.url}/`);
    await visit(cart, `${env.stack.shop.url}/cart`);
    const visitor = await anonymousId(shop);
    expect(await anonymousId(cart)).toBe(visitor);

    // The shopper logs in in the first tab, then goes on in the cart tab.
    await shop.evaluate(() => (window as any).sightline.identify('u-7', { plan: 'gold' }));
    await expect.poll(() => userOf(cart)).toEqual({ anonymousId: visitor, userId: 'u-7', traits: { plan: 'gold' } });
    await trackNow(cart, 'Identity Probe Login');

    // Logs out in the first tab: the cart tab leaves the user, and takes the new anonymous id.
    await shop.evaluate(() => (window as any).sightline.reset());
    const after = await anonymousId(shop);
    expect(after).not.toBe(visitor);
    await expect.poll(() => userOf(cart)).toEqual({ anonymousId: after, userId: null, traits: {} });
    await trackNow(cart, 'Identity Probe Logout');

    const [login] = await waitForEvents(env.stack.collector.url, { event: 'Identity Probe Login', describe: 'the probe after login', until: (e) => e.length > 0 });
    expect(login).toMatchObject({ anonymousId: visitor, userId: 'u-7' });
    const [logout] = await waitForEvents(env.stack.collector.url, { event: 'Identity Probe Logout', describe: 'the probe after logout', until: (e) => e.length > 0 });
    expect(logout).toMatchObject({ anonymousId: after, userId: null });
    await context.close();
  });

  it('end two first visits on one anonymous id when one tab started before the other had written', async () => {
    const context = await shopper();
    const first = await context.newPage();
    await visit(first, `${env.stack.shop.url}/`);
    const early = await anonymousId(first);

    // The second tab's page starts as if the first tab's write had not happened yet: it finds
    // nothing stored, makes an anonymous id of its own and writes it, last.
    const second = await context.newPage();
    await second.addInitScript(() => {
      document.cookie = 'sl_aid=; path=/; max-age=0';
      localStorage.removeItem('sl_user');
    });
    await visit(second, `${env.stack.shop.url}/cart`);
    const last = await anonymousId(second);
    expect(last).not.toBe(early);

    await expect.poll(() => anonymousId(first)).toBe(last);
    await trackNow(first, 'Identity Probe First Tab');
    const [probe] = await waitForEvents(env.stack.collector.url, { event: 'Identity Probe First Tab', describe: 'the first tab probe', until: (e) => e.length > 0 });
    expect(probe!.anonymousId).toBe(last);
    // A third page reads the same.
    const third = await context.newPage();
    await visit(third, `${env.stack.shop.url}/`);
    expect(await anonymousId(third)).toBe(last);
    await context.close();
  });
});
