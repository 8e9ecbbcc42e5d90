import { describe, expect, it } from 'vitest';
import { props } from '../utils/e2e-collector';
import { rageClick } from '../utils/e2e-capture-actions';
import { checkpoint, named, waitForNamed } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';

const shop = useCaptureStack();

describe('click autocapture in Chromium', () => {
  it('sends one "Rage Click" for a burst of fast clicks on one spot', async () => {
    const { page, anonymousId } = await shop.newShopper('/category/jackets');
    await rageClick(page, page.locator('h1', { hasText: 'Jackets' }), 5);
    await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Rage Click'] });

    const rage = named(await checkpoint(page, shop.collectorUrl(), anonymousId), 'Rage Click');
    expect(rage).toHaveLength(1);
    expect(props(rage[0])).toMatchObject({ tag: 'h1', text: 'Jackets', clickCount: 3 });
    expect(props(rage[0]).selector).toMatch(/h1/);
  });

  it('sends "Dead Click" for a click on a link-like button that does nothing', async () => {
    const { page, anonymousId } = await shop.newShopper('/category/jackets');
    await page.click('[data-testid="returns-info"]');
    const events = await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Element Clicked', 'Dead Click'], timeoutMs: 6_000 });

    const expected = { tag: 'button', text: 'Shipping & returns', selector: '[data-testid="returns-info"]' };
    expect(props(named(events, 'Element Clicked')[0])).toMatchObject(expected);
    expect(props(named(events, 'Dead Click')[0])).toMatchObject(expected);
  });
});
