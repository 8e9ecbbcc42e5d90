import type { ConsentOptions } from '../types';

/** What a shop can set on its `<script data-*>` tag. Documented in docs/getting-started.md. */
export interface ScriptConfig {
  endpoint?: string;
  /** `native` or `segment`, as written (the collector checks it). */
  format?: string;
  /**
   * The comma list of capture plugin names, each trimmed: `all` (the default) alone, or names;
   * `none`, an empty or an unknown name names nothing.
   */
  autocapture: string[];
  /**
   * The client's options the tag sets, spread into `createSightline`. An absent write key or
   * cookie domain is undefined, which the options read as none and the page's host.
   */
  options: { writeKey?: string; debug: boolean; consent: ConsentOptions; identity: { cookieDomain?: string } };
}

// Off for `false`, `0`, `no` and `off`; on for any other value, the bare attribute included.
const truthy = (value: string | undefined): boolean =>
  value !== undefined && value != 'false' && value != '0' && value != 'no' && value != 'off';

/** Reads the `data-*` attributes of the script element that loaded sightline. */
export const readScriptConfig = (script: HTMLOrSVGScriptElement | null | undefined): ScriptConfig => {
  const data: Record<string, string | undefined> = (script && (script as HTMLElement).dataset) || {};
  // An `in` test rather than `??`, which the ES2019 build lowers to a temporary.
  const list = 'autocapture' in data ? data.autocapture! : 'all';
  return {
    // Empty, as absent: boot() sends nothing without one.
    endpoint: data.endpoint,
    // As written: collector() reports one it does not know (`transport/invalid-option`) and sends `native`.
    format: data.format,
    autocapture: list.split(',').map((s) => s.trim()),
    options: {
      writeKey: data.writeKey || undefined,
      debug: truthy(data.debug),
      // Only "denied" denies; any other value leaves consent granted, as none does.
      consent: { default: data.consent as ConsentOptions['default'], honorGlobalPrivacyControl: truthy(data.honorGpc), honorDoNotTrack: truthy(data.honorDnt) },
      identity: { cookieDomain: data.cookieDomain || undefined },
    },
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
