import type { PrivacyOptions } from '../types';

/** What redacted values are replaced by. */
export const REDACTED = '[redacted]';

/** Query parameters whose values are always redacted (case-insensitive), space-separated. */
export const DEFAULT_REDACTED_PARAMS = 'token password pass pwd secret auth key api_key apikey access_token code session sid email';

// Also the %40-encoded form, as it appears in URLs; `%` (legal in a local part) also takes in
// the %-encoded `+` of `jane%2Bshop%40…`. The local part is at most 64 long (RFC 5321): the
// bound keeps the regex linear, where a long word run before an '@' without a domain cost
// quadratic time (60 KB: seconds).
const EMAIL = /[%\w.+-]{1,64}(@|%40)[\w-]+(\.[\w-]+)+/g;
// 13–19 digits with single spaces, dashes, '+' or '%20' (a space in a form-encoded or
// percent-encoded URL) between, not part of a longer digit run.
const CARD = /(?<!\d)\d(([ +-]|%20)?\d){12,18}(?!\d)/g;
// `?k=`, `&k=` and `#k=` (OAuth puts tokens in the fragment), then the value, which also ends
// at a `?`: a redirect target that is not percent-encoded (`?next=/reset?token=…`) has its own.
const PARAM = /([?&#])([^?&#=]+)=[^&#?]*/g;

// Redacts a card-like match of 13+ digits that passes the Luhn checksum (which ~90% of order
// ids and timestamps fail), or else tries it again without its last digit group (`.+(?=\D)`):
// the match takes in the groups after a card (`… 0004 04 27`: expiry, CVV), which spoil the
// checksum of the whole. A match without groups left is kept.
const card = (match: string): string => {
  let sum = 0;
  let n = 0;
  // The digits, without the '20' of a '%20' separator.
  for (const c of [...match.replace(/%20|\D/g, '')].reverse()) sum += n++ % 2 ? +'0246813579'[+c]! : +c;
  return sum % 10 || n < 13 ? match.replace(/.+(?=\D)/, card) : REDACTED;
};

const lower = (list: unknown): string[] => (Array.isArray(list) ? list.map((k) => (typeof k == 'string' ? k.toLowerCase() : '')) : []);

/**
 * Returns the redactor of URLs and of every string property and trait: values of secret
 * query parameters, emails and Luhn-valid card numbers become '[redacted]'; with
 * `allowQueryParams`, every other query parameter is removed. Cheap on ordinary strings:
 * a rule runs only when its trigger ('=', '@' or '%40', a digit) is present.
 */
export const createRedactor = (o: PrivacyOptions): (text: string) => string => {
  // Split here, not at import: a top-level call would survive tree-shaking of this file.
  const secret = lower(o.redactQueryParams).concat(DEFAULT_REDACTED_PARAMS.split(' '));
  const allow = o.allowQueryParams && lower(o.allowQueryParams);

  const param = (pair: string, sep: string, key: string): string => {
    const k = key.toLowerCase();
    if (secret.includes(k)) return sep + key + '=' + REDACTED;
    // A removed first parameter leaves its '?' for the next '&k=v' to follow.
    return allow && sep != '#' && !allow.includes(k) ? (sep == '?' ? sep : '') : pair;
  };

  return (s) => {
    if (s.includes('=')) {
      s = s.replace(PARAM, param);
      if (allow) s = s.replace('?&', '?').replace(/\?(#|$)/, '$1');
    }
    if (o.redactEmails != false && /@|%40/.test(s)) s = s.replace(EMAIL, REDACTED);
    if (o.redactCardNumbers != false && /\d/.test(s)) s = s.replace(CARD, card);
    return s;
  };
};
