import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { props } from '../utils/e2e-collector';
import { closeTab, interactionMeasured } from '../utils/e2e-capture-actions';
import { checkpoint, named, waitForNamed } from '../utils/e2e-capture-events';
import { useCaptureStack } from '../utils/e2e-capture-stack';

const shop = useCaptureStack();

const METRICS = ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'];

let reports: StoredEvent[] = [];
let vitals: Record<string, Record<string, any>> = {};

// One visit: the home page, a banner that arrives late and pushes the page down (a layout
// shift with a source), a click on a price filter (an interaction), then the tab is closed.
beforeAll(async () => {
  const { page, anonymousId } = await shop.newShopper('/');
  await page.waitForFunction(() => (window as any).__sightlineVitals === true); // the add-on is in
  await page.evaluate(() => {
    const banner = Object.assign(document.createElement('p'), { textContent: 'Late autumn sale' });
    banner.style.cssText = 'height:120px;margin:0;background:#e9a23b';
    document.getElementById('main')!.prepend(banner);
  });
  await page.check('input[name="price"][value="50-100"]');
  await interactionMeasured(page);
  // What was reported so far (LCP ends at the first input) reaches the collector before the
  // tab goes: the transport does not send its durable backlog from a closing tab.
  await checkpoint(page, shop.collectorUrl(), anonymousId);
  await closeTab(page);
  reports = named(await waitForNamed(shop.collectorUrl(), { anonymousId, names: ['Web Vitals'], count: METRICS.length }), 'Web Vitals');
  vitals = Object.fromEntries(reports.map((e) => [props(e).name, props(e)]));
});

describe('web vitals in Chromium (the script tag loads the vitals add-on after boot)', () => {
  it('sends one "Web Vitals" event per metric once the tab is closed', () => {
    expect(reports.map((e) => props(e).name).sort()).toEqual(METRICS);
    for (const metric of Object.values(vitals)) {
      expect(metric).toMatchObject({ value: expect.any(Number), delta: expect.any(Number), id: expect.any(String), navigationType: 'navigate' });
      expect(['good', 'needs-improvement', 'poor']).toContain(metric.rating);
    }
  });

  it('attributes LCP to the element that painted it', () => {
    const { attribution: a } = vitals.LCP!;
    expect(a.target).toEqual(expect.any(String));
  });

  it('sends FCP and TTFB with an empty attribution (no element is to blame)', () => {
    expect(vitals.FCP!.attribution).toEqual({});
    expect(vitals.TTFB!.attribution).toEqual({});
  });

  it('attributes CLS to the element that moved the most', () => {
    const { value, attribution: a } = vitals.CLS!;
    expect(value).toBeGreaterThan(0);
    expect(a).toMatchObject({ largestShiftTarget: expect.stringContaining('#main'), largestShiftValue: expect.any(Number), largestShiftTime: expect.any(Number) });
    expect(a.largestShiftValue).toBeLessThanOrEqual(value);
  });

  it('attributes INP to the radio button the shopper clicked', () => {
    expect(vitals.INP!.attribution).toEqual({ interactionType: 'pointer', interactionTarget: expect.stringContaining('input') });
  });
});
