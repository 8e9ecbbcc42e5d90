/** A device class, from client hints where the browser has them, else the user agent. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** The low-entropy client hints (no permission, no prompt, no promise). */
export interface UserAgentData {
  brands: Array<{ brand: string; version: string }>;
  mobile: boolean;
  platform: string;
}

/** The parts of `navigator` read here, each of which a browser may lack. */
interface NavigatorLike {
  userAgent?: string;
  maxTouchPoints?: number;
  userAgentData?: Partial<UserAgentData>;
  connection?: { effectiveType?: string; saveData?: boolean };
}

/** Mobile, tablet or desktop. iPadOS reports a Mac user agent, so touch points tell it apart. */
export const deviceClass = (): DeviceClass => {
  const { userAgent = '', maxTouchPoints = 0, userAgentData } = navigator as NavigatorLike;
  if (userAgentData && userAgentData.mobile) return 'mobile';
  // Kindle and Silk (Fire) tablets say `Android` without `Mobile`, or Mac with touch points.
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)) return 'tablet';
  return /Mobi|Opera Mini/i.test(userAgent) ? 'mobile' : 'desktop';
};

/** `navigator.userAgentData`'s low-entropy values as plain data (its `brands` are plain objects already), or undefined. */
export const userAgentData = (): UserAgentData | undefined => {
  const data = (navigator as NavigatorLike).userAgentData;
  if (data && data.brands) return { brands: data.brands, mobile: !!data.mobile, platform: data.platform || '' };
};

/** The connection's effective type (`4g`, `3g`, …) and data saver flag, where exposed. */
export const connection = (): { effectiveType: string; saveData: boolean } | undefined => {
  const c = (navigator as NavigatorLike).connection;
  if (c && c.effectiveType) return { effectiveType: c.effectiveType, saveData: !!c.saveData };
};
