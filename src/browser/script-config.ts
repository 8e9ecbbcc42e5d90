import type { ConsentOptions } from '../types';

/** What a shop can set on its `<script data-*>` tag. Documented in docs/getting-started.md. */
export interface ScriptConfig {
  endpoint?: string;
  writeKey?: string;
  /** `native` or `segment`, as written (the collector checks it). */
  format?: string;
  consent: ConsentOptions;
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
  const list = (data.autocapture ?? 'all').trim();
  return {
    // Empty, as absent: boot() sends nothing without one.
    endpoint: data.endpoint,
    writeKey: data.writeKey || undefined,
    // As written: collector() reports one it does not know (`transport/invalid-option`) and sends `native`.
    format: data.format,
    // Only "denied" denies; any other value leaves consent granted, as none does.
    consent: { default: data.consent as ConsentOptions['default'], honorGlobalPrivacyControl: truthy(data.honorGpc), honorDoNotTrack: truthy(data.honorDnt) },
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
