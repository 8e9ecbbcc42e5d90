/** Where and how long a cookie lives (the names of IdentityOptions). */
export interface CookieOptions {
  /** Lifetime in days. */
  cookieDays: number;
  /** e.g. `.shop.example` to share across subdomains; host-only when absent. */
  cookieDomain?: string;
}

/**
 * Reads a first-party cookie; `undefined` when absent or when cookies are unreachable
 * (no DOM, a sandboxed iframe, a bad %-escape written by another script).
 */
export const getCookie = (name: string): string | undefined => {
  try {
    // Split, not a RegExp: the name comes from options and may hold regex characters.
    for (const pair of document.cookie.split('; ')) if (!pair.indexOf(name + '=')) return decodeURIComponent(pair.slice(name.length + 1));
  } catch {
    // Unreachable or malformed: treat as absent.
  }
};

/**
 * Writes a first-party cookie on `path=/`, or deletes it when `value` is empty (null, false or '').
 * `SameSite=Lax`: sent on top-level navigations from other sites (a campaign landing keeps
 * its id), not on cross-site sub-requests. `Secure` on https pages. Never throws.
 */
export const setCookie = (name: string, value: string | null | false, o: CookieOptions): void => {
  try {
    document.cookie =
      `${name}=${encodeURIComponent(value || '')};path=/;max-age=${value ? Math.round(o.cookieDays * 864e2) : -1};SameSite=Lax` +
      (o.cookieDomain ? ';domain=' + o.cookieDomain : '') +
      (location.protocol == 'https:' ? ';Secure' : '');
  } catch {
    // Cookies blocked: the localStorage mirror (or memory) keeps the value.
  }
};
