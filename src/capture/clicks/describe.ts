import type { Properties } from '../../types';
import { cssSelector } from '../shared/selector';
import { elementText } from '../shared/element-text';

/** File extensions whose links count as downloads unless `downloadExtensions` says otherwise. */
export const DOWNLOAD_EXTENSIONS = [
  'pdf', 'zip', 'rar', '7z', 'gz', 'tar', 'dmg', 'exe', 'msi', 'apk', 'csv', 'xls', 'xlsx',
  'doc', 'docx', 'ppt', 'pptx', 'epub', 'mp3', 'mp4', 'mov', 'wav', 'iso',
] as const;

/** `selector`, `tag` and (when there is one) `text` of an element. */
export function describeElement(el: Element): Properties {
  const props: Properties = { selector: cssSelector(el), tag: el.tagName.toLowerCase() };
  const text = elementText(el);
  if (text) props.text = text;
  return props;
}

/**
 * {@link describeElement} plus, for links, `href` (redacted by the core's privacy rules),
 * `outbound` (http(s) to another host) and `download` (a `download` attribute or a
 * listed file extension).
 */
export function describeClick(el: Element, extensions: readonly string[]): Properties {
  const props = describeElement(el);
  if (el.tagName !== 'A') return props;
  // The anchor parses its own URL (host, protocol, pathname): no URL object per click.
  const link = el as HTMLAnchorElement;
  if (!link.href || link.protocol === 'javascript:') return props;
  const extension = /\.([a-z0-9]+)$/i.exec(link.pathname)?.[1]?.toLowerCase();
  props.href = link.href;
  props.outbound = /^https?:$/.test(link.protocol) && link.host !== location.host;
  props.download = link.hasAttribute('download') || (extension !== undefined && extensions.includes(extension));
  return props;
}
