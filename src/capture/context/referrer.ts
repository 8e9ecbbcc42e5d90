/** Where a visit came from. `referral` is any other site. */
export type ReferrerType = 'search' | 'social' | 'email' | 'paid' | 'direct' | 'internal' | 'referral';

/**
 * Built-in domain lists, checked in this order. An entry matches a hostname that contains
 * its labels as whole labels: `google` matches www.google.de and google.co.uk,
 * `mail.google` matches mail.google.com, `t.co` matches t.co but not ant.co. Extend them
 * with `context({ domains })`.
 */
export const REFERRER_DOMAINS = {
  // Steps of the visit on other sites (payment, sign-in), as GA4's "unwanted referrals": the
  // shopper who comes back from paying is still on the visit the campaign brought.
  internal: ['paypal', 'stripe', 'pay.klarna', 'adyen', 'mollie', 'accounts.google'],
  // `android.gm`: the Gmail app, which refers as android-app://com.google.android.gm/.
  email: ['mail.google', 'android.gm', 'outlook.live', 'mail.yahoo'],
  search: ['google', 'bing', 'duckduckgo', 'search.yahoo', 'yandex', 'baidu'],
  social: ['facebook', 'instagram', 't.co', 'twitter', 'x.com', 'linkedin', 'pinterest', 'reddit', 'tiktok', 'youtube'],
} as const;

/** The referrer classes that have domain lists. */
export type ReferrerClass = keyof typeof REFERRER_DOMAINS;

/** More domains per class, besides the built-in ones. */
export type ReferrerDomains = Partial<Record<ReferrerClass, readonly string[]>>;

/**
 * Classifies the visit of this page: paid (an ad click id of `clickIds`, or a paid
 * utm_medium), email or social (by utm_medium/source), direct (no referrer), internal
 * (same host), then internal, email, search or social by the referrer's domain in
 * {@link REFERRER_DOMAINS} or the `extra` domains, else referral.
 */
export const classifyReferrer = (campaign: Record<string, string> = {}, clickIds: readonly string[], extra: ReferrerDomains): { type: ReferrerType; domain?: string } => {
  let domain = '';
  try {
    domain = new URL(document.referrer).hostname;
  } catch {
    // No referrer, or not a URL: direct.
  }
  const { medium = '', source } = campaign;
  const tags = `${medium} ${source}`;
  const labels = `.${domain}.`;
  const type: ReferrerType =
    clickIds.some((id) => id in campaign) || /^(cpc|ppc|cpm|cpv|paid|display|retargeting|affiliate)/i.test(medium)
      ? 'paid'
      : /e-?mail|newsletter/i.test(tags)
        ? 'email'
        : /social/i.test(tags)
          ? 'social'
          : !domain
            ? 'direct'
            : domain == location.hostname
              ? 'internal'
              : (Object.keys(REFERRER_DOMAINS) as ReferrerClass[]).find((kind) =>
                  // `extra` from plain JavaScript may hold one domain or other things: the strings count.
                  (REFERRER_DOMAINS[kind] as readonly unknown[]).concat(extra[kind] || []).some((d) => typeof d == 'string' && labels.includes(`.${d}.`)),
                ) || 'referral';
  return { type, ...(domain && { domain }) };
};
