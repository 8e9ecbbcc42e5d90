import type { ConsentOptions } from '../types';

/** What a shop can set on its `<script data-*>` tag. Documented in docs/getting-started.md. */
export interface ScriptConfig {
  endpoint?: string;
  writeKey?: string;
  format?: 'native' | 'segment';
  consent?: ConsentOptions;
  debug: boolean;
  /** `all` (default), `none`, or a comma list of capture plugin names. */
  autocapture: string[] | 'all' | 'none';
  cookieDomain?: string;
}

const truthy = (value: string | undefined): boolean =>
  value !== undefined && value !== 'false' && value !== '0' && value !== 'no';

/** Reads the `data-*` attributes of the script element that loaded sightline. */
export const readScriptConfig = (script: HTMLOrSVGScriptElement | null | undefined): ScriptConfig => {
  const data: Record<string, string | undefined> = (script && (script as HTMLElement).dataset) || {};
  const format = data.format === 'native' || data.format === 'segment' ? data.format : undefined;
  const list = (data.autocapture ?? 'all').trim();
  const consent: ConsentOptions = {};
  if (data.consent === 'denied' || data.consent === 'granted') consent.default = data.consent;
  if (truthy(data.honorGpc)) consent.honorGlobalPrivacyControl = true;
  if (truthy(data.honorDnt)) consent.honorDoNotTrack = true;
  return {
    endpoint: data.endpoint || undefined,
    writeKey: data.writeKey || undefined,
    format,
    consent,
    debug: truthy(data.debug),
    autocapture: list === 'all' || list === 'none' ? list : list.split(',').map((s) => s.trim()).filter(Boolean),
    cookieDomain: data.cookieDomain || undefined,
  };
};

/**
 * The script element that loaded sightline. `document.currentScript` is set while a classic
 * (also async) script first runs; the selector is the fallback for unusual loaders.
 */
export const findOwnScript = (doc: Document): HTMLOrSVGScriptElement | null => {
  return (
    doc.currentScript ||
    doc.querySelector('script[src*="sightline"][data-endpoint]') ||
    doc.querySelector('script[src*="sightline.iife"]')
  );
};
