import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_CATEGORIES } from '../../src/core';
import type { ConsentState, LifecycleMap } from '../../src/types';
import { clearBrowserState, cookieValue, createHarness, recordCookieWrites } from '../utils/core-harness';

const all = (value: boolean): ConsentState => ({ necessary: true, analytics: value, personalization: value, fingerprinting: value });
const stubNavigator = (values: Record<string, unknown>): void => {
  for (const [key, value] of Object.entries(values)) Object.defineProperty(navigator, key, { configurable: true, value });
};

beforeEach(clearBrowserState);
afterEach(() => {
  for (const key of ['globalPrivacyControl', 'doNotTrack']) delete (navigator as unknown as Record<string, unknown>)[key];
});

describe('consent state', () => {
  it('lists the four categories', () => {
    expect(CONSENT_CATEGORIES).toEqual(['necessary', 'analytics', 'personalization', 'fingerprinting']);
  });

  it('grants everything by default', () => {
    expect(createHarness().client.consent.get()).toEqual(all(true));
  });

  it("denies everything but necessary with default 'denied'", () => {
    expect(createHarness({ consent: { default: 'denied' } }).client.consent.get()).toEqual(all(false));
  });

  it('lets categories override the default', () => {
    const { client } = createHarness({ consent: { default: 'denied', categories: { analytics: true } } });
    expect(client.consent.get()).toEqual({ necessary: true, analytics: true, personalization: false, fingerprinting: false });
  });

  it('applies a partial update and fires the consent lifecycle with the new state', () => {
    const { client } = createHarness();
    const fn = vi.fn();
    client.on('consent', fn);
    client.consent.update({ fingerprinting: false });
    expect(client.consent.get()).toEqual({ ...all(true), fingerprinting: false });
    expect(fn).toHaveBeenCalledWith({ ...all(true), fingerprinting: false });
  });

  it('does not fire the consent lifecycle when nothing changed', () => {
    const { client } = createHarness();
    const fn = vi.fn();
    client.on('consent', fn);
    client.consent.update({ analytics: true });
    expect(fn).not.toHaveBeenCalled();
  });

  it('keeps necessary granted and reports an attempt to refuse it', () => {
    const h = createHarness();
    h.client.consent.update({ necessary: false, analytics: false });
    expect(h.client.consent.get()).toEqual({ ...all(true), analytics: false });
    expect(h.codes()).toEqual(['consent/invalid']);
  });

  it.each([[{ analytics: 'yes' }], [{ marketing: true }], ['granted'], [42]])('reports update(%j) as consent/invalid', (bad) => {
    const h = createHarness();
    h.client.consent.update(bad as never);
    expect(h.client.consent.get()).toEqual(all(true));
    expect(h.errors).toMatchObject([{ code: 'consent/invalid', source: 'input' }]);
  });

  it('returns a copy from get()', () => {
    const { client } = createHarness();
    client.consent.get().analytics = false;
    expect(client.consent.get().analytics).toBe(true);
  });

  it('records the consent state in every event context', async () => {
    const h = createHarness({ consent: { categories: { personalization: false } } });
    h.client.track('X');
    await h.settle();
    expect(h.events[0]!.context.consent).toEqual({ ...all(true), personalization: false });
  });

  it('lets plugins read the consent state', async () => {
    const seen: boolean[] = [];
    const h = createHarness({ plugins: [{ name: 'reader', setup: (c) => void seen.push(c.consent.get().fingerprinting) }], consent: { categories: { fingerprinting: false } } });
    await h.settle();
    expect(seen).toEqual([false]);
  });
});

describe('Global Privacy Control and Do Not Track', () => {
  it('denies all but necessary when GPC is on and honoured, whatever the update', () => {
    stubNavigator({ globalPrivacyControl: true });
    const { client } = createHarness({ consent: { honorGlobalPrivacyControl: true } });
    client.consent.update({ analytics: true, personalization: true });
    expect(client.consent.get()).toEqual(all(false));
  });

  it('denies all but necessary when DNT is 1 and honoured', () => {
    stubNavigator({ doNotTrack: '1' });
    expect(createHarness({ consent: { honorDoNotTrack: true, categories: { analytics: true } } }).client.consent.get()).toEqual(all(false));
  });

  it('ignores GPC and DNT unless asked to honour them', () => {
    stubNavigator({ globalPrivacyControl: true, doNotTrack: '1' });
    expect(createHarness().client.consent.get()).toEqual(all(true));
  });
});

describe('while analytics is denied', () => {
  it('hands no event to destinations', async () => {
    const h = createHarness({ consent: { default: 'denied' } });
    h.client.track('Held');
    await h.settle();
    expect(h.events).toEqual([]);
  });

  it('releases held events in order, with the consent of the moment, when analytics is granted', async () => {
    const h = createHarness({ consent: { default: 'denied' } });
    h.client.track('One');
    h.client.page('Two');
    h.client.consent.update({ analytics: true });
    h.client.track('Three');
    await h.settle();
    expect(h.events.map((e) => e.event ?? e.name)).toEqual(['One', 'Two', 'Three']);
    expect(h.events.map((e) => e.context.consent.analytics)).toEqual([true, true, true]);
  });

  it('releases held events before an event a consent listener tracks', async () => {
    const h = createHarness({ consent: { default: 'denied' } });
    h.client.on('consent', (state) => h.client.track('Consent Changed', state));
    h.client.track('Held');
    h.client.consent.update({ analytics: true });
    await h.settle();
    expect(h.events.map((e) => e.event)).toEqual(['Held', 'Consent Changed']);
  });

  it('drops held events beyond 1,000, reports it once, and fires drop for each', async () => {
    const h = createHarness({ consent: { default: 'denied' } });
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    for (let i = 0; i < 1005; i++) h.client.track('Spam', { i });
    h.client.consent.update({ analytics: true });
    await h.settle();
    expect(h.events).toHaveLength(1000);
    expect(h.events[999]!.properties.i).toBe(999);
    expect(h.codes()).toEqual(['consent/buffer-full']);
    expect(drops).toHaveLength(5);
    expect(drops[0]!.reason).toBe('consent');
  });

  it("discards events with whileDenied 'discard', reporting once per denial", async () => {
    const h = createHarness({ consent: { default: 'denied', whileDenied: 'discard' } });
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    h.client.track('A');
    h.client.track('B');
    h.client.consent.update({ analytics: true });
    h.client.track('C');
    await h.settle();
    expect(h.events.map((e) => e.event)).toEqual(['C']);
    expect(h.codes()).toEqual(['consent/discarded']);
    expect(drops.map((d) => d.event?.event)).toEqual(['A', 'B']);
  });

  it('stores no cookie and no localStorage key, whatever is called: reset() only deletes', () => {
    const cookies = recordCookieWrites();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { client } = createHarness({ consent: { default: 'denied' } });
    client.track('X');
    client.identify('u1', { plan: 'gold' });
    client.alias('u2');
    client.reset();
    client.identify('u3');
    cookies.stop();
    expect(cookies.writes).toEqual([expect.stringMatching(/^sl_aid=;path=\/;max-age=-1;/)]);
    expect(setItem).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');
    expect(localStorage.length).toBe(0);
    expect(client.user().userId).toBe('u3');
  });

  it('stores the in-memory identity once analytics is granted', () => {
    const { client } = createHarness({ consent: { default: 'denied' } });
    client.identify('u1', { plan: 'gold' });
    const { anonymousId } = client.user();
    expect(cookieValue('sl_aid')).toBeUndefined();
    client.consent.update({ analytics: true });
    expect(cookieValue('sl_aid')).toBe(anonymousId);
    expect(JSON.parse(localStorage.getItem('sl_user')!)).toEqual({ anonymousId, userId: 'u1', traits: { plan: 'gold' } });
  });

  it('deletes the stored identity when analytics consent is withdrawn, keeping it in memory', () => {
    const { client } = createHarness();
    client.identify('u1');
    const before = client.user();
    client.consent.update({ analytics: false });
    expect(cookieValue('sl_aid')).toBeUndefined();
    expect(localStorage.length).toBe(0);
    expect(client.user()).toEqual(before);
  });

  it('forgets a stored user on reset, so a reload does not bring it back', () => {
    createHarness().client.identify('u1');
    const { client } = createHarness({ consent: { default: 'denied' } });
    expect(client.user().userId).toBe('u1');
    client.reset();
    expect(createHarness({ consent: { default: 'denied' } }).client.user().userId).toBeNull();
  });
});
