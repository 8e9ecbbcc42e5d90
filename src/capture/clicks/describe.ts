import type { Properties } from '../../types';
import { cssSelector } from '../shared/selector';
import { elementText } from '../shared/element-text';
import type { Finder } from '../shared/opt-out';

/** File extensions whose links count as downloads unless `downloadExtensions` says otherwise. */
export const DOWNLOAD_EXTENSIONS = [
  'pdf', 'zip', 'csv', 'xlsx', 'docx', 'epub', 'mp3', 'mp4', 'dmg', 'exe', 'apk',
] as const;

/** `selector`, `tag` and (when there is one) `text` of an element found by `find` (which leaves opted-out parts out of the text). */
export const describeElement = (el: Element, find: Finder): Properties => {
  const text = elementText(el, find);
  return { selector: cssSelector(el), tag: el.tagName.toLowerCase(), ...(text && { text }) };
};

/**
 * {@link describeElement} plus, for links, `href` (redacted by the core's privacy rules),
 * `outbound` (http(s) to another host) and `download` (a `download` attribute or a
 * listed file extension).
 */
export const describeClick = (el: Element, find: Finder, extensions: readonly string[]): Properties => {
  const props = describeElement(el, find);
  // The anchor parses its own URL (host, protocol, pathname): no URL object per click.
  const { href, protocol, host, pathname } = el as HTMLAnchorElement;
  if (el.tagName != 'A' || !href || protocol == 'javascript:') return props;
  const extension = /\.([a-z\d]+)$/i.exec(pathname);
  return {
    ...props,
    href,
    outbound: /^https?:$/.test(protocol) && host != location.host,
    download: el.hasAttribute('download') || (!!extension && extensions.includes(extension[1]!.toLowerCase())),
  };
};
