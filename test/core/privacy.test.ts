import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/privacy';
import { clearBrowserState, createHarness, setUrl } from '../utils/core-harness';

const redact = createRedactor({});

describe('the default redactor', () => {
  it.each([
    ['an email', 'mail jane.doe+shop@example.co.uk now', 'mail [redacted] now'],
    ['a %40-encoded email in a URL', '/u/jane%40example.com/orders', '/u/[redacted]/orders'],
    ['a Visa number', 'card 4111 1111 1111 1111 ok', 'card [redacted] ok'],
    ['a dashed Mastercard number', '5500-0000-0000-0004', '[redacted]'],
    ['a 13-digit Visa number', '4222222222222', '[redacted]'],
    ['a token query parameter', 'https://s.example/p?token=abc123&color=red', 'https://s.example/p?token=[redacted]&color=red'],
    ['a parameter in any case', '/p?Password=hunter2', '/p?Password=[redacted]'],
    ['an OAuth token in the fragment', '/cb#access_token=xyz&state=1', '/cb#access_token=[redacted]&state=1'],
    ['an email parameter', '?email=a%40b.com&x=1', '?email=[redacted]&x=1'],
    ['an email whose "+" is %2B-encoded, whole', '/account/jane%2Bshop%40example.com', '/account/[redacted]'],
    ['a token after a nested "?" (a redirect target not percent-encoded)', '/login?next=/account/reset?token=s3cr3t', '/login?next=/account/reset?token=[redacted]'],
    ['a card followed by its expiry and CVV', 'paid with 5500 0000 0000 0004 04/27 737', 'paid with [redacted] 04/27 737'],
    ['a card followed by a CVV group', 'card 4111 1111 1111 1111 123', 'card [redacted] 123'],
    ['a dashed card followed by a CVV group', '4111-1111-1111-1111-123', '[redacted]-123'],
    ['a card in a form-encoded query (spaces as "+")', '/pay?note=x&card=4111+1111+1111+1111', '/pay?note=x&card=[redacted]'],
    ['a card in a percent-encoded URL (spaces as "%20")', '/pay?card=4111%201111%201111%201111&x=1', '/pay?card=[redacted]&x=1'],
    ['a %20-grouped card followed by a CVV group', '4111%201111%201111%201111%20123', '[redacted]%20123'],
  ])('redacts %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['an order id that fails the Luhn check', 'order 4111111111111112'],
    ['a phone number', '+47 22 33 44 55'],
    ['a 20-digit reference', '12345678901234567890'],
    ['a Luhn-valid run inside a longer number', 'ref 41111111111111110'],
    ['a parameter that only ends like a secret', '?monkey=1&passport=2'],
    ['plain text with an @ but no domain', 'ping @team'],
    ['a grouped number whose only Luhn-valid prefix is under 13 digits', '1234 5678 9015 3456 792'],
  ])('keeps %s', (_name, input) => {
    expect(redact(input)).toBe(input);
  });

  // The bound keeps the rule linear: unbounded, a 60 KB word run with an '@' and no domain
  // took ~3 s (every start position scanned to the '@').
  it('takes at most 64 characters before the "@" as the local part', () => {
    expect(redact('a'.repeat(100) + '@example.com')).toBe('a'.repeat(36) + '[redacted]');
    expect(redact('a'.repeat(60_000) + '@team')).toBe('a'.repeat(60_000) + '@team');
  });
});

describe('redaction options', () => {
  it('redacts the configured query parameters as well as the defaults', () => {
    const r = createRedactor({ redactQueryParams: ['Coupon'] });
    expect(r('?coupon=SAVE&token=t&x=1')).toBe('?coupon=[redacted]&token=[redacted]&x=1');
  });

  it('removes every query parameter outside allowQueryParams', () => {
    const r = createRedactor({ allowQueryParams: ['utm_source', 'q'] });
    expect(r('https://s.example/search?session=1&q=shoes&fbclid=zz&utm_source=ad#top')).toBe(
      'https://s.example/search?session=[redacted]&q=shoes&utm_source=ad#top',
    );
    expect(r('https://s.example/?fbclid=zz&gclid=yy')).toBe('https://s.example/');
    expect(r('https://s.example/?fbclid=zz&q=1')).toBe('https://s.example/?q=1');
  });

  it('ignores parameter names that are not strings, instead of throwing', () => {
    const r = createRedactor({ redactQueryParams: [Symbol('x'), Object.create(null), 'Coupon'] as never, allowQueryParams: [Symbol('y'), 'q'] as never });
    expect(r('?coupon=SAVE&q=1&x=2')).toBe('?coupon=[redacted]&q=1');
  });

  it('can keep emails and card numbers', () => {
    const r = createRedactor({ redactEmails: false, redactCardNumbers: false });
    expect(r('a@b.com 4111111111111111')).toBe('a@b.com 4111111111111111');
  });
});

describe('redaction in events', () => {
  beforeEach(() => {
    clearBrowserState();
    setUrl('https://shop.example/account?token=secret123&tab=orders');
  });
  afterEach(() => setUrl('http://localhost:3000/'));

  it('redacts the page URL, search and referrer of the context', async () => {
    Object.defineProperty(document, 'referrer', { configurable: true, value: 'https://mail.example/?email=jane%40x.com' });
    const h = createHarness();
    h.client.track('Viewed');
    await h.settle();
    delete (document as unknown as Record<string, unknown>).referrer;
    expect(h.events[0]!.context.page).toMatchObject({
      url: 'https://shop.example/account?token=[redacted]&tab=orders',
      search: '?token=[redacted]&tab=orders',
      referrer: 'https://mail.example/?email=[redacted]',
    });
  });

  it('redacts the name of a page view, in its properties and the event', async () => {
    const h = createHarness();
    h.client.page('Order for jane@example.com');
    await h.settle();
    expect(h.events[0]).toMatchObject({ name: 'Order for [redacted]', properties: { name: 'Order for [redacted]' } });
  });

  it('redacts string properties at any depth, and traits', async () => {
    const h = createHarness();
    h.client.track('Form', { note: 'call jane@x.com', payment: { card: '4111111111111111' }, list: ['?pwd=1'] });
    h.client.identify('u1', { email: 'jane@x.com', name: 'Jane' });
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ note: 'call [redacted]', payment: { card: '[redacted]' }, list: ['?pwd=[redacted]'] });
    expect(h.client.user().traits).toEqual({ email: '[redacted]', name: 'Jane' });
  });

  it('redacts a token after a nested "?" in the page URL and search', async () => {
    setUrl('https://shop.example/login?next=/account/reset?token=s3cr3t');
    const h = createHarness();
    h.client.page();
    await h.settle();
    expect(JSON.stringify([h.events[0]!.context.page, h.events[0]!.properties])).not.toContain('s3cr3t');
    expect(h.events[0]!.context.page!.search).toBe('?next=/account/reset?token=[redacted]');
  });

  it('applies allowQueryParams to the page URL', async () => {
    setUrl('https://shop.example/account?fbclid=abc&tab=orders');
    const h = createHarness({ privacy: { allowQueryParams: ['tab'] } });
    h.client.page();
    await h.settle();
    expect(h.events[0]!.context.page).toMatchObject({ url: 'https://shop.example/account?tab=orders', search: '?tab=orders' });
    expect(h.events[0]!.properties.url).toBe('https://shop.example/account?tab=orders');
  });
});
