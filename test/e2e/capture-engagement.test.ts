import { describe, expect, it } from 'vitest';
import { props } from '../utils/e2e-collector';
import { scrollMeasured, scrollToTop, wheelToBottom } from '../utils/e2e-capture-actions';
import { checkpoint, named, waitForNamed } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';

const shop = useCaptureStack();

describe('scroll depth in Chromium', () => {
  it('sends "Scroll Depth" 25, 50, 75 and 100 once each when the shopper reads down to the footer, twice', async () => {
    const { page, anonymousId } = await shop.newShopper('/');
    await wheelToBottom(page);
    await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Scroll Depth'], count: 4 });
    await scrollToTop(page);
    await wheelToBottom(page, 1_400);
    await scrollMeasured(page);

    const depths = named(await checkpoint(page, shop.collectorUrl(), anonymousId), 'Scroll Depth').map(props);
    expect(depths.map((d) => d.depth)).toEqual([25, 50, 75, 100]);
    expect(depths.every((d) => d.path === '/')).toBe(true);
  });
});
