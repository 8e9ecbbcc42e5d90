import { CLICK_IDS } from './campaign';

/** Where a visit came from. `referral` is any other site. */
export type ReferrerType = 'search' | 'social' | 'email' | 'paid' | 'direct' | 'internal' | 'referral';

/**
 * Built-in domain lists, checked in this order; a trailing dot matches every country
 * domain (`google.` → google.de, google.co.uk). Extend them with `context({ domains })`.
 */
export const REFERRER_DOMAINS = {
  email: ['mail.google.com', 'outlook.live.com', 'mail.yahoo.com', 'mail.proton.me', 'webmail.'],
  search: ['google.', 'bing.com', 'duckduckgo.com', 'search.yahoo.com', 'yandex.', 'baidu.com', 'ecosia.org', 'search.brave.com', 'qwant.com', 'naver.com'],
  social: ['facebook.com', 'instagram.com', 't.co', 'twitter.com', 'x.com', 'linkedin.com', 'lnkd.in', 'pinterest.', 'reddit.com', 'tiktok.com', 'youtube.com', 'threads.net'],
} as const;

/** Domain lists by class, built-in or extended. */
export type ReferrerDomains = Record<keyof typeof REFERRER_DOMAINS, readonly string[]>;

/** Facts a visit's source is judged on. */
export interface Landing {
  referrer: string;
  campaign?: Record<string, string>;
  host: string;
}

/**
 * Classifies a visit: paid (an ad click id, or a paid utm_medium), email or social (by
 * utm_medium/source), direct (no referrer), internal (same host), then email, search or
 * social by the referrer's domain, else referral.
 */
export function classifyReferrer(
  { referrer, campaign = {}, host }: Landing,
  domains: ReferrerDomains = REFERRER_DOMAINS,
  clickIds: readonly string[] = CLICK_IDS,
): { type: ReferrerType; domain?: string } {
  let domain = '';
  try {
    domain = new URL(referrer).hostname;
  } catch {
    // No referrer, or not a URL: direct.
  }
  const medium = `${campaign.medium} ${campaign.source}`;
  const type = (): ReferrerType => {
    if (clickIds.some((id) => id in campaign) || /^(cpc|ppc|cpm|cpv|paid|display|retargeting|affiliate)/i.test(campaign.medium ?? '')) return 'paid';
    if (/e-?mail|newsletter/i.test(medium)) return 'email';
    if (/social/i.test(medium)) return 'social';
    if (!domain) return 'direct';
    if (domain === host) return 'internal';
    for (const kind of ['email', 'search', 'social'] as const) {
      if (domains[kind].some((d) => `.${domain}.`.includes(`.${d.replace(/\.$/, '')}.`))) return kind;
    }
    return 'referral';
  };
  return domain ? { type: type(), domain } : { type: type() };
}
