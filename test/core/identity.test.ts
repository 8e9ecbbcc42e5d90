import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearBrowserState, cookieValue, createHarness, recordCookieWrites, setUrl } from '../utils/core-harness';
import { dispatchStorage } from '../utils/transport-page';

const stored = (key: string): unknown => JSON.parse(localStorage.getItem(key) ?? 'null');
/** Writes the sl_user record as an earlier page (or another script) left it. */
const record = (value: object): void => localStorage.setItem('sl_user', JSON.stringify(value));

beforeEach(clearBrowserState);
afterEach(() => setUrl('http://localhost:3000/'));

describe('the anonymous id', () => {
  it('is stored in the sl_aid cookie and in the sl_user localStorage record', () => {
    const { client } = createHarness();
    const { anonymousId } = client.user();
    expect(cookieValue('sl_aid')).toBe(anonymousId);
    expect(stored('sl_user')).toEqual({ anonymousId, userId: null, traits: {} });
  });

  it('is the same for the next client on the page (a reload)', () => {
    const first = createHarness().client.user().anonymousId;
    expect(createHarness().client.user().anonymousId).toBe(first);
  });

  it('is restored from localStorage when the cookie is gone, and repairs the cookie', () => {
    record({ anonymousId: 'from-storage' });
    expect(createHarness().client.user().anonymousId).toBe('from-storage');
    expect(cookieValue('sl_aid')).toBe('from-storage');
  });

  it('is restored from the cookie when localStorage is empty, and repairs localStorage', () => {
    document.cookie = 'sl_aid=from-cookie; path=/';
    expect(createHarness().client.user().anonymousId).toBe('from-cookie');
    expect(stored('sl_user')).toMatchObject({ anonymousId: 'from-cookie' });
  });

  it('takes the cookie when cookie and localStorage disagree', () => {
    document.cookie = 'sl_aid=cookie-id; path=/';
    record({ anonymousId: 'storage-id', userId: 'u1' });
    expect(createHarness().client.user()).toMatchObject({ anonymousId: 'cookie-id', userId: 'u1' });
    expect(stored('sl_user')).toMatchObject({ anonymousId: 'cookie-id', userId: 'u1' });
  });

  it('ignores a corrupted stored id', () => {
    record({ anonymousId: ' '.repeat(5) });
    const id = createHarness().client.user().anonymousId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes a first-party cookie with path=/, SameSite=Lax and a one-year max-age by default', () => {
    const cookies = recordCookieWrites();
    createHarness();
    cookies.stop();
    expect(cookies.writes[0]).toMatch(/^sl_aid=[0-9a-f-]{36};path=\/;max-age=31536000;SameSite=Lax$/);
  });

  it('adds Secure on https pages', () => {
    setUrl('https://shop.example/');
    const cookies = recordCookieWrites();
    createHarness();
    cookies.stop();
    expect(cookies.writes[0]).toMatch(/;Secure$/);
  });

  it('takes the cookie domain and lifetime from the options', () => {
    setUrl('https://www.shop.example/');
    const cookies = recordCookieWrites();
    createHarness({ identity: { cookieDomain: '.shop.example', cookieDays: 30 } });
    cookies.stop();
    expect(cookies.writes[0]).toContain(';max-age=2592000;');
    expect(cookies.writes[0]).toContain(';domain=.shop.example');
  });

  it('uses storagePrefix for the cookie and storage keys', () => {
    const { client } = createHarness({ identity: { storagePrefix: 'acme' } });
    client.identify('u1');
    expect(cookieValue('acme_aid')).toBe(client.user().anonymousId);
    expect(stored('acme_user')).toEqual({ anonymousId: client.user().anonymousId, userId: 'u1', traits: {} });
    expect(cookieValue('sl_aid')).toBeUndefined();
  });
});

describe('identify', () => {
  it('stores the user id and traits in localStorage for the next page', () => {
    const { client } = createHarness();
    client.identify('u1', { plan: 'gold' });
    expect(stored('sl_user')).toEqual({ anonymousId: client.user().anonymousId, userId: 'u1', traits: { plan: 'gold' } });
    expect(createHarness().client.user()).toMatchObject({ userId: 'u1', traits: { plan: 'gold' } });
  });

  it('merges traits when the user id stays the same', () => {
    const { client } = createHarness();
    client.identify('u1', { plan: 'gold' });
    client.identify('u1', { city: 'Oslo' });
    expect(client.user().traits).toEqual({ plan: 'gold', city: 'Oslo' });
  });

  it('merges traits given without a user id', () => {
    const { client } = createHarness();
    client.identify('u1', { plan: 'gold' });
    client.identify({ city: 'Oslo' });
    client.identify(null, { age: 30 });
    expect(client.user()).toMatchObject({ userId: 'u1', traits: { plan: 'gold', city: 'Oslo', age: 30 } });
  });

  it('keeps the anonymous id and replaces the traits when a different user identifies', () => {
    const { client } = createHarness();
    const { anonymousId } = client.user();
    client.identify('u1', { plan: 'gold' });
    client.identify('u2', { city: 'Oslo' });
    expect(client.user()).toEqual({ anonymousId, userId: 'u2', traits: { city: 'Oslo' } });
  });

  it('keeps traits gathered while anonymous when the visitor first identifies', () => {
    const { client } = createHarness();
    client.identify({ source: 'ad' });
    client.identify('u1', { plan: 'gold' });
    expect(client.user().traits).toEqual({ source: 'ad', plan: 'gold' });
  });

  it('takes a numeric user id as a string', () => {
    const { client } = createHarness();
    client.identify(42 as unknown as string);
    expect(client.user().userId).toBe('42');
  });

  it('sanitizes and redacts traits restored from storage, before they are sent', async () => {
    localStorage.setItem('sl_user', JSON.stringify({ userId: 'u1', traits: { email: 'jane@example.com', bio: 'x'.repeat(9000) } }));
    const h = createHarness();
    expect(h.client.user().traits).toEqual({ email: '[redacted]', bio: 'x'.repeat(8192) + '…' });
    h.client.identify({ plan: 'gold' });
    await h.settle();
    expect(h.events[0]!.traits).toEqual({ email: '[redacted]', bio: 'x'.repeat(8192) + '…', plan: 'gold' });
  });

  it('ignores a corrupted stored user', () => {
    localStorage.setItem('sl_user', '{not json');
    expect(createHarness().client.user()).toMatchObject({ userId: null, traits: {} });
  });
});

describe('an identify dropped as too large', () => {
  // 20 traits of 2 KB: the event passes the default maxEventBytes (32 KB) only merged with earlier ones.
  const big = (from: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: 10 }, (_, i) => ['note' + (from + i), 'x'.repeat(2000)]));

  it('leaves the identity as it was, in memory and in storage, and fires no identify hook', async () => {
    const h = createHarness();
    const hooks: unknown[] = [];
    h.client.on('identify', (u) => hooks.push(u));
    h.client.identify('u1', { plan: 'gold', ...big(0) });
    const before = h.client.user();
    const kept = localStorage.getItem('sl_user');
    hooks.length = 0;
    h.client.identify('u1', big(10));
    await h.settle();
    expect(h.codes()).toEqual(['input/too-large']);
    expect(h.client.user()).toEqual(before);
    expect(localStorage.getItem('sl_user')).toBe(kept);
    expect(hooks).toEqual([]);
  });

  it('does not block the next identify of that user, on this page or the next', async () => {
    const h = createHarness();
    h.client.identify('u1', big(0));
    h.client.identify('u1', big(10));
    h.client.identify('u1', { plan: 'pro' });
    await h.settle();
    expect(h.codes()).toEqual(['input/too-large']);
    expect(h.events.map((e) => Object.keys(e.traits!).length)).toEqual([10, 11]);
    const next = createHarness();
    next.client.identify('u1', { city: 'Oslo' });
    await next.settle();
    expect(next.codes()).toEqual([]);
    expect(next.events[0]!.traits).toEqual({ ...big(0), plan: 'pro', city: 'Oslo' });
  });

  it('keeps the user it would have replaced', async () => {
    const h = createHarness();
    h.client.identify('u1', { plan: 'gold' });
    h.client.identify('u2', { ...big(0), ...big(10) });
    h.client.track('After');
    await h.settle();
    expect(h.codes()).toEqual(['input/too-large']);
    expect(h.client.user()).toMatchObject({ userId: 'u1', traits: { plan: 'gold' } });
    expect(h.events.map((e) => [e.type, e.userId])).toEqual([
      ['identify', 'u1'],
      ['track', 'u1'],
    ]);
  });

  it('tells its error and drop listeners of the identity as it stays, not as it would have been', async () => {
    const h = createHarness();
    h.client.identify('u1', { plan: 'gold' });
    const seen: unknown[] = [];
    // The names of the traits it sees: the merged ones would be 21.
    h.client.onError(() => seen.push(['error', Object.keys(h.client.user().traits)]));
    h.client.on('drop', () => seen.push(['drop', Object.keys(h.client.user().traits)]));
    h.client.identify('u1', { ...big(0), ...big(10) });
    await h.settle();
    expect(seen).toEqual([
      ['error', ['plan']],
      ['drop', ['plan']],
    ]);
  });

  it('keeps nothing of traits the sanitizer stopped walking at the size cap', async () => {
    const h = createHarness();
    h.client.identify('u1', { plan: 'gold' });
    const traits: Record<string, unknown> = {};
    for (let i = 0; i < 40_000; i++) traits['opt' + i] = undefined;
    h.client.identify('u2', traits);
    await h.settle();
    expect(h.codes()).toContain('input/too-large');
    expect(h.client.user()).toMatchObject({ userId: 'u1', traits: { plan: 'gold' } });
  });
});

describe('reset', () => {
  it('makes a new anonymous id and clears the user id and traits, in memory and storage', () => {
    const { client } = createHarness();
    const before = client.user().anonymousId;
    client.identify('u1', { plan: 'gold' });
    client.reset();
    const after = client.user();
    expect(after.anonymousId).not.toBe(before);
    expect(after).toMatchObject({ userId: null, traits: {} });
    expect(cookieValue('sl_aid')).toBe(after.anonymousId);
    expect(stored('sl_user')).toEqual({ anonymousId: after.anonymousId, userId: null, traits: {} });
  });

  it('tags later events with the new identity', async () => {
    const h = createHarness();
    h.client.identify('u1');
    h.client.reset();
    h.client.track('After reset');
    await h.settle();
    expect(h.events[1]).toMatchObject({ userId: null, anonymousId: h.client.user().anonymousId });
  });
});

describe('alias', () => {
  it('defaults previousId to the user id', async () => {
    const h = createHarness();
    h.client.identify('u1');
    h.client.alias('u1-new');
    await h.settle();
    expect(h.events[1]).toMatchObject({ type: 'alias', userId: 'u1-new', previousId: 'u1' });
  });

  it('defaults previousId to the anonymous id when there is no user id', async () => {
    const h = createHarness();
    h.client.alias('u1');
    await h.settle();
    expect(h.events[0]!.previousId).toBe(h.client.user().anonymousId);
  });

  it('does not change the stored user id', () => {
    const { client } = createHarness();
    client.identify('u1');
    client.alias('u2');
    expect(client.user().userId).toBe('u1');
  });
});

// Another tab of the shop writes the cookie and the sl_user record; the browser then fires a
// `storage` event in every other tab of the origin (never in the tab that wrote).
describe('several tabs', () => {
  const otherTab = (write: { anonymousId: string; userId: string | null; traits: object } | null): void => {
    if (write) {
      document.cookie = `sl_aid=${write.anonymousId}; path=/`;
      record(write);
    } else {
      document.cookie = 'sl_aid=; path=/; max-age=-1';
      localStorage.removeItem('sl_user');
    }
    dispatchStorage('sl_user');
  };

  it('takes up at once what another tab identified, and tags the next events with it', async () => {
    const h = createHarness();
    const { anonymousId } = h.client.user();
    otherTab({ anonymousId, userId: 'u9', traits: { plan: 'gold' } });
    expect(h.client.user()).toEqual({ anonymousId, userId: 'u9', traits: { plan: 'gold' } });
    h.client.track('Added to Cart');
    await h.settle();
    expect(h.events[0]).toMatchObject({ anonymousId, userId: 'u9' });
  });

  it('takes up a reset in another tab: its new anonymous id, and no user', async () => {
    const h = createHarness();
    h.client.identify('u1', { plan: 'gold' });
    otherTab({ anonymousId: 'after-logout', userId: null, traits: {} });
    h.client.track('Product Viewed');
    await h.settle();
    expect(h.events[1]).toMatchObject({ anonymousId: 'after-logout', userId: null });
    // This tab's next identify writes the identity it took up, not the old user's.
    h.client.identify({ theme: 'dark' });
    expect(stored('sl_user')).toEqual({ anonymousId: 'after-logout', userId: null, traits: { theme: 'dark' } });
  });

  it("takes the record's anonymous id over a cookie this renderer has not seen change yet", () => {
    const { client } = createHarness();
    // Chromium brings another tab's localStorage write before its cookie write to this tab.
    record({ anonymousId: 'after-logout', userId: null, traits: {} });
    dispatchStorage('sl_user');
    expect(client.user().anonymousId).toBe('after-logout');
  });

  it('ends two first visits at the same moment on one anonymous id: the one written last', () => {
    const first = createHarness().client;
    // The other tab started as this one did, found nothing stored either, and wrote after it.
    otherTab({ anonymousId: 'second-tab', userId: null, traits: {} });
    expect(first.user().anonymousId).toBe('second-tab');
  });

  it('keeps the anonymous id in memory when another tab deletes the identity, dropping the user with it', () => {
    const { client } = createHarness();
    client.identify('u1', { plan: 'gold' });
    const { anonymousId } = client.user();
    // Analytics consent withdrawn in the other tab.
    otherTab(null);
    expect(client.user()).toEqual({ anonymousId, userId: null, traits: {} });
  });

  it('sanitizes and redacts what another tab stored, however often it is read', () => {
    const { client } = createHarness();
    const bio = 'x'.repeat(8000);
    // Each read walks the traits afresh: 100 reads of 8 KB would pass the size cap of one walk.
    for (let i = 0; i < 100; i++) otherTab({ anonymousId: 'a1', userId: 'u1', traits: { email: 'jane@example.com', bio, n: i } });
    expect(client.user()).toEqual({ anonymousId: 'a1', userId: 'u1', traits: { email: '[redacted]', bio, n: 99 } });
  });

  it('keeps the identify of a tab without analytics consent (in memory only) when another tab writes other keys', () => {
    const { client } = createHarness({ consent: { default: 'denied' } });
    client.identify('u1', { plan: 'gold' });
    // The shop's own scripts, or sightline's queue, write localStorage in another tab.
    localStorage.setItem('cart', '[]');
    dispatchStorage('cart');
    localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(client.user()).toMatchObject({ userId: 'u1', traits: { plan: 'gold' } });
  });

  it('keeps its anonymous id when the stored one is not sane', () => {
    const { client } = createHarness();
    const before = client.user();
    document.cookie = 'sl_aid=; path=/; max-age=-1';
    record({ anonymousId: ' ', userId: 42, traits: 'x' });
    dispatchStorage('sl_user');
    expect(client.user()).toEqual({ ...before, userId: null, traits: {} });
  });
});
