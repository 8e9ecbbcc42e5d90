/** A device class, from client hints where the browser has them, else the user agent. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** The low-entropy client hints (no permission, no prompt, no promise). */
export interface UserAgentData {
  brands: Array<{ brand: string; version: string }>;
  mobile: boolean;
  platform: string;
}

interface NavigatorLike {
  userAgent?: string;
  maxTouchPoints?: number;
  userAgentData?: Partial<UserAgentData>;
  connection?: { effectiveType?: string; saveData?: boolean };
}

const nav = (): NavigatorLike => (typeof navigator === 'undefined' ? {} : (navigator as NavigatorLike));

/** Mobile, tablet or desktop. iPadOS reports a Mac user agent, so touch points tell it apart. */
export function deviceClass(n: NavigatorLike = nav()): DeviceClass {
  const ua = n.userAgent ?? '';
  if (n.userAgentData?.mobile === true) return 'mobile';
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i.test(ua) || (/Macintosh/.test(ua) && (n.maxTouchPoints ?? 0) > 1)) return 'tablet';
  return /Mobi|iPhone|iPod|Android|Opera Mini/i.test(ua) ? 'mobile' : 'desktop';
}

/** `navigator.userAgentData`'s low-entropy values, copied to plain JSON, or undefined. */
export function userAgentData(n: NavigatorLike = nav()): UserAgentData | undefined {
  const data = n.userAgentData;
  if (!data || !Array.isArray(data.brands)) return undefined;
  return { brands: data.brands.map(({ brand, version }) => ({ brand, version })), mobile: !!data.mobile, platform: data.platform ?? '' };
}

/** The connection's effective type (`4g`, `3g`, …) and data saver flag, where exposed. */
export function connection(n: NavigatorLike = nav()): { effectiveType: string; saveData: boolean } | undefined {
  const c = n.connection;
  return c?.effectiveType ? { effectiveType: c.effectiveType, saveData: !!c.saveData } : undefined;
}
