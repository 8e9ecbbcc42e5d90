import { beforeEach, describe, expect, it, vi } from 'vitest';
import { context } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';
import { resetUrl } from '../utils/capture-dom';

let client: FakeClient | undefined;

useCaptureSpec({ fakeTimers: false });
beforeEach(() => {
  localStorage.clear();
});

/** Starts the plugin as on a page loaded at `url` from `referrer`, and returns the context of one event. */
async function landOn(url: string, referrer = '', options?: Parameters<typeof context>[0]): Promise<Record<string, unknown>> {
  await client?.destroy();
  resetUrl(url);
  vi.spyOn(document, 'referrer', 'get').mockReturnValue(referrer);
  client = await withPlugins([context(options)]);
  client.track('Probe');
  return client.events.at(-1)!.context;
}

describe('context: campaign', () => {
  it('puts UTM parameters (Segment names) and ad click ids in context.campaign', async () => {
    const ctx = await landOn('/?utm_source=google&utm_medium=cpc&utm_campaign=summer&utm_term=shoes&utm_content=ad1&utm_id=42&gclid=abc&fbclid=def&other=x');
    expect(ctx.campaign).toEqual({ source: 'google', medium: 'cpc', name: 'summer', term: 'shoes', content: 'ad1', id: '42', gclid: 'abc', fbclid: 'def' });
  });

  it.each(['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid'])('keeps the %s click id', async (id) => {
    const ctx = await landOn(`/?${id}=v1`);
    expect(ctx.campaign).toEqual({ [id]: 'v1' });
  });

  it('keeps the campaign on later pages of the session', async () => {
    await landOn('/?utm_source=newsletter&utm_medium=email&utm_campaign=june', 'https://mail.google.com/');
    const ctx = await landOn('/shoes', 'http://localhost:3000/?utm_source=newsletter');
    expect(ctx.campaign).toEqual({ source: 'newsletter', medium: 'email', name: 'june' });
    expect(ctx.referrer).toEqual({ type: 'email', domain: 'mail.google.com' });
  });

  it('keeps the campaign when the shopper comes back directly within the session', async () => {
    await landOn('/?utm_source=google&gclid=1');
    const ctx = await landOn('/cart');
    expect(ctx.campaign).toEqual({ source: 'google', gclid: '1' });
  });

  it('replaces the campaign when a new one arrives', async () => {
    await landOn('/?utm_source=google&utm_campaign=a');
    const ctx = await landOn('/?utm_source=bing&utm_campaign=b');
    expect(ctx.campaign).toEqual({ source: 'bing', name: 'b' });
  });

  it.each([
    ['PayPal', 'https://www.paypal.com/checkoutnow?token=EC-1'],
    ['Stripe Checkout', 'https://checkout.stripe.com/c/pay/cs_live_1'],
    ['Klarna', 'https://pay.klarna.com/eu/hpp/payments/1'],
    ['Adyen', 'https://checkoutshopper-live.adyen.com/checkoutshopper/'],
    ['Mollie', 'https://www.mollie.com/checkout/select-method/1'],
    ['Sign in with Google', 'https://accounts.google.com/'],
  ])('keeps the campaign when the shopper comes back from %s (a step of the visit, not a new source)', async (_, from) => {
    await landOn('/?utm_source=newsletter&utm_medium=email&utm_campaign=june');
    const ctx = await landOn('/checkout/complete?PayerID=X', from);
    expect(ctx.campaign).toEqual({ source: 'newsletter', medium: 'email', name: 'june' });
    expect(ctx.referrer).toEqual({ type: 'email' });
  });

  it('takes more domains of steps of the visit (a bank\'s 3-D Secure page) as domains.internal', async () => {
    await landOn('/?utm_source=google&utm_campaign=a');
    const ctx = await landOn('/checkout/complete', 'https://acs.bank.example/3ds', { domains: { internal: ['bank.example'] } });
    expect(ctx.campaign).toEqual({ source: 'google', name: 'a' });
  });

  it('starts a new source when the shopper arrives from another site', async () => {
    await landOn('/?utm_source=google&utm_campaign=a');
    const ctx = await landOn('/', 'https://www.reddit.com/r/shoes');
    expect(ctx).not.toHaveProperty('campaign');
    expect(ctx.referrer).toEqual({ type: 'social', domain: 'www.reddit.com' });
  });

  it('forgets the campaign after 30 minutes', async () => {
    vi.useFakeTimers();
    await landOn('/?utm_source=google');
    vi.advanceTimersByTime(31 * 60_000);
    const ctx = await landOn('/shoes', 'http://localhost:3000/');
    vi.useRealTimers();
    expect(ctx).not.toHaveProperty('campaign');
    expect(ctx.referrer).toEqual({ type: 'internal', domain: 'localhost' });
  });

  it('keeps the campaign for a tab opened 40 minutes in, while the shopper stayed active in an SPA', async () => {
    vi.useFakeTimers();
    await landOn('/?utm_source=google');
    // No full load for 40 minutes: the SPA's own events, every 30 s, are all that says the
    // shopper is there.
    for (let seconds = 30; seconds <= 40 * 60; seconds += 30) {
      vi.advanceTimersByTime(30_000);
      client!.track('Still Here');
    }
    const ctx = await landOn('/shoes', 'http://localhost:3000/shoes');
    vi.useRealTimers();
    expect(ctx.campaign).toEqual({ source: 'google' });
  });

  it("keeps alive the source another tab stored since, not this tab's older one", async () => {
    vi.useFakeTimers();
    await landOn('/?utm_source=google');
    const first = client!;
    // Another tab lands from a newer campaign.
    resetUrl('/?utm_source=bing');
    const second = await withPlugins([context()]);
    second.track('Probe');
    vi.advanceTimersByTime(20 * 60_000);
    first.track('Still Here');
    vi.advanceTimersByTime(20 * 60_000);
    const ctx = await landOn('/shoes', 'http://localhost:3000/shoes');
    vi.useRealTimers();
    expect(ctx.campaign).toEqual({ source: 'bing' });
  });

  it('stores nothing before analytics consent, and stores when it is granted', async () => {
    resetUrl('/?utm_source=google');
    client = await withPlugins([context()], {}, { analytics: false });
    client.track('Probe');
    expect(localStorage.length).toBe(0);
    client.consent.update({ analytics: true });
    expect(localStorage.getItem('sl_source')).toContain('google');
  });

  it('deletes what it stored when analytics consent is withdrawn', async () => {
    resetUrl('/?utm_source=google');
    client = await withPlugins([context()]);
    client.track('Probe');
    expect(localStorage.getItem('sl_source')).toContain('google');
    client.consent.update({ analytics: false });
    expect(localStorage.getItem('sl_source')).toBeNull();
  });

  it('stores under the client storage prefix', async () => {
    resetUrl('/?utm_source=google');
    client = await withPlugins([context()], { identity: { storagePrefix: 'shop' } });
    client.track('Probe');
    expect(localStorage.getItem('shop_source')).toContain('google');
  });

  it('reads the campaign from the query as the privacy rules let it out, and stores only that', async () => {
    const ctx = await landOn('/?utm_source=newsletter&utm_content=jane%40example.com&utm_term=4111111111111111&gclid=abc&token=t1');
    expect(ctx.campaign).toEqual({ source: 'newsletter', content: '[redacted]', term: '[redacted]', gclid: 'abc' });
    expect(localStorage.getItem('sl_source')).not.toMatch(/jane|4111/);
  });

  it('keeps only the campaign parameters allowQueryParams lets out', async () => {
    await client?.destroy();
    resetUrl('/?utm_source=google&utm_medium=cpc&gclid=abc');
    client = await withPlugins([context()], { privacy: { allowQueryParams: ['utm_source'] } });
    client.track('Probe');
    expect(client.events[0]!.context.campaign).toEqual({ source: 'google' });
  });

  it('reads the campaign of the page the first event was made on', async () => {
    await client?.destroy();
    resetUrl('/?utm_source=google');
    client = await withPlugins([context()]);
    client.track('Landed');
    history.pushState(null, '', '/shoes');
    client.track('Browsed');
    expect(client.events.map((e) => e.context.campaign)).toEqual([{ source: 'google' }, { source: 'google' }]);
  });

  it('survives corrupt stored data', async () => {
    localStorage.setItem('sl_source', '{not json');
    const ctx = await landOn('/');
    expect(ctx.referrer).toEqual({ type: 'direct' });
  });

  // What another script (or an old version) wrote under the key parses, but is no stored source.
  it.each(['null', '5', '"search"', '[]', '{"v":{"referrer":{"type":"search"}}}', '{"v":{"referrer":{"type":"search"}},"e":"later"}'])(
    'takes stored %s for nothing stored, quietly',
    async (stored) => {
      localStorage.setItem('sl_source', stored);
      const ctx = await landOn('/');
      expect(ctx.referrer).toEqual({ type: 'direct' });
      expect(client!.errors).toEqual([]);
    },
  );
});

describe('context: referrer class', () => {
  it.each([
    ['search', '/', 'https://www.google.de/'],
    ['search', '/', 'https://www.google.co.uk/search?q=shoes'],
    ['search', '/', 'https://duckduckgo.com/'],
    ['search', '/', 'https://www.bing.com/search'],
    ['social', '/', 'https://l.facebook.com/'],
    ['social', '/', 'https://t.co/abc'],
    ['social', '/', 'https://www.instagram.com/'],
    ['email', '/', 'https://mail.google.com/mail/u/0/'],
    // Android apps refer as android-app://<package>/: the Gmail app is mail, not Google search.
    ['email', '/', 'android-app://com.google.android.gm/'],
    ['search', '/', 'android-app://com.google.android.googlequicksearchbox/'],
    ['email', '/?utm_medium=email', 'https://tracking.mailer.example/'],
    ['social', '/?utm_medium=social', ''],
    ['paid', '/?gclid=1', 'https://www.google.com/'],
    ['paid', '/?utm_medium=cpc&utm_source=bing', 'https://www.bing.com/'],
    ['paid', '/?utm_medium=display', ''],
    ['direct', '/', ''],
    ['internal', '/', 'http://localhost:3000/shoes'],
    ['referral', '/', 'https://blog.example/best-shoes'],
  ])('classifies as %s a landing on %s from "%s"', async (type, url, referrer) => {
    const ctx = await landOn(url, referrer);
    expect((ctx.referrer as { type: string }).type).toBe(type);
  });

  it('takes extra domains and click ids from the options', async () => {
    const ctx = await landOn('/', 'https://search.shop-partner.example/', { domains: { search: ['shop-partner.example'] } });
    expect(ctx.referrer).toMatchObject({ type: 'search' });
    const paid = await landOn('/?awc=1', '', { clickIds: ['awc'] });
    expect(paid).toMatchObject({ campaign: { awc: '1' }, referrer: { type: 'paid' } });
  });

  it('takes one click id or one domain from plain JavaScript, and leaves out what is not a string', async () => {
    const bare = Object.create(null); // converting it to a string throws
    expect(() => context({ clickIds: 'awc', domains: null } as never)).not.toThrow();
    const paid = await landOn('/?awc=1', '', { clickIds: ['x', bare, 7] as never });
    expect(paid).toMatchObject({ referrer: { type: 'direct' } });
    expect(await landOn('/?awc=1', '', { clickIds: 'awc' } as never)).toMatchObject({ campaign: { awc: '1' }, referrer: { type: 'paid' } });
    const search = await landOn('/', 'https://search.shop-partner.example/', { domains: { search: 'shop-partner.example', social: [bare] } } as never);
    expect(search).toMatchObject({ referrer: { type: 'search' } });
    expect(client!.errors).toEqual([]);
  });
});

describe('context: device', () => {
  const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
  const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15';
  const ANDROID_TABLET = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
  const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36';
  const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
  const PLAYBOOK = 'Mozilla/5.0 (PlayBook; U; RIM Tablet OS 2.1.0; en-US) AppleWebKit/536.2+ (KHTML, like Gecko) Version/7.2.1.0 Safari/536.2+';
  const FIRE = 'Mozilla/5.0 (Linux; Android 9; KFMAWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/120.2.1 like Chrome/120.0 Safari/537.36';
  const KINDLE = 'Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/531.2+ Kindle/3.0+';

  it.each([
    ['mobile', { userAgent: IPHONE, maxTouchPoints: 5 }],
    ['tablet', { userAgent: IPAD_AS_MAC, maxTouchPoints: 5 }],
    ['desktop', { userAgent: IPAD_AS_MAC, maxTouchPoints: 0 }],
    ['tablet', { userAgent: ANDROID_TABLET, maxTouchPoints: 10 }],
    ['mobile', { userAgent: ANDROID_PHONE, maxTouchPoints: 10 }],
    ['tablet', { userAgent: PLAYBOOK, maxTouchPoints: 0 }],
    ['tablet', { userAgent: FIRE, maxTouchPoints: 5 }],
    ['tablet', { userAgent: KINDLE, maxTouchPoints: 0 }],
    ['desktop', { userAgent: DESKTOP, maxTouchPoints: 0 }],
    ['mobile', { userAgent: DESKTOP, maxTouchPoints: 0, userAgentData: { brands: [], mobile: true, platform: 'Android' } }],
  ])('classifies the device as %s', async (kind, nav) => {
    vi.stubGlobal('navigator', nav);
    const ctx = await landOn('/');
    expect(ctx.device).toEqual({ class: kind });
  });

  it('adds the low-entropy client hints only, without asking for more', async () => {
    const getHighEntropyValues = vi.fn();
    vi.stubGlobal('navigator', {
      userAgent: DESKTOP,
      userAgentData: { brands: [{ brand: 'Chromium', version: '120' }], mobile: false, platform: 'Linux', getHighEntropyValues },
    });
    const ctx = await landOn('/');
    expect(ctx.userAgentData).toEqual({ brands: [{ brand: 'Chromium', version: '120' }], mobile: false, platform: 'Linux' });
    expect(getHighEntropyValues).not.toHaveBeenCalled();
  });

  it('adds the viewport and the connection type', async () => {
    vi.stubGlobal('navigator', { userAgent: DESKTOP, connection: { effectiveType: '3g', saveData: true } });
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(390);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(844);
    const ctx = await landOn('/');
    expect(ctx).toMatchObject({ viewport: { width: 390, height: 844 }, connection: { effectiveType: '3g', saveData: true } });
  });

  it('leaves out what the browser does not expose', async () => {
    vi.stubGlobal('navigator', { userAgent: DESKTOP });
    const ctx = await landOn('/');
    expect(ctx).not.toHaveProperty('userAgentData');
    expect(ctx).not.toHaveProperty('connection');
  });
});

describe('context: enrichment', () => {
  it('keeps context keys that are already set', async () => {
    await landOn('/?utm_source=google');
    const event = { ...client!.events[0]!, context: { ...client!.events[0]!.context, campaign: { source: 'caller' }, device: { class: 'kiosk' } } };
    const plugin = context();
    await plugin.setup!(client!);
    const out = plugin.enrich!(event) as typeof event;
    expect(out.context).toMatchObject({ campaign: { source: 'caller' }, device: { class: 'kiosk' }, referrer: { type: 'direct' } });
    await plugin.teardown!();
  });

  it('adds nothing after teardown', async () => {
    const plugin = context();
    await withPlugins([plugin]);
    await plugin.teardown!();
    expect(plugin.enrich!({ type: 'track', properties: {}, anonymousId: 'a', userId: null, messageId: 'm', timestamp: '', context: { library: { name: 'sightline', version: 't' }, consent: { necessary: true, analytics: true, personalization: true, fingerprinting: true } } })).toBeUndefined();
  });
});
