import { createSightline } from '../core';
import { createCollector, defaultSettings } from '../transport';
import type { Collector } from '../transport';
import type { Plugin, SightlineClient } from '../types';
import { replayStub, type Stub } from './replay';
import { findOwnScript, readScriptConfig, type ScriptConfig } from './script-config';
import { captureFor, commerceFor } from './capture-set';
import { loadAddons } from './load-addons';

/** What `window.sightline` is once the SDK loaded: the client plus script-tag helpers. */
export type BrowserApi = SightlineClient & {
  /**
   * Runs `fn(api)` now (the SDK is loaded); kept for stub compatibility. Resolves at once, as
   * the stub's does, so `ready(fn).then(...)` works before and after the SDK loaded.
   */
  ready(fn: (api: BrowserApi) => void): Promise<void>;
  /** Delivery counters of the collector transport. */
  stats(): ReturnType<NonNullable<Plugin['stats']>>;
  /** Typed Segment E-commerce v2 helpers bound to this client. */
  commerce: ReturnType<typeof commerceFor>;
  /** Marks the real API, so a second copy of the script does nothing. */
  __sightline: true;
  /**
   * The inline stub's own "already set up" flag: a snippet run again after the SDK loaded
   * (a tag manager firing it on a virtual page view) sees it and leaves the API alone
   * instead of turning it into a recorder nobody replays.
   */
  invoked: 1;
};

const GLOBAL = 'sightline';

/**
 * The script-tag entry's one job: read the tag's `data-*` config, create the client with
 * the collector transport and autocapture, replay the stub queue and expose `window.sightline`.
 * Loading the script twice is harmless: the second copy sees the real API and stops.
 */
export const boot = (win: Window & typeof globalThis): BrowserApi | undefined => {
  const existing = (win as unknown as Record<string, unknown>)[GLOBAL] as (BrowserApi & Stub) | undefined;
  if (existing && existing.__sightline) {
    if (existing.options.debug) console.warn('[sightline] loaded twice; the second copy is ignored');
    return existing;
  }
  const script = findOwnScript(win.document);
  const config = readScriptConfig(script);
  const capture = captureFor(config.autocapture);
  const api = createApi(config, capture.plugins);
  (win as unknown as Record<string, unknown>)[GLOBAL] = api;
  replayStub(existing, api as unknown as Record<string, unknown>, (method) =>
    api.reportError({ code: 'browser/unknown-stub-call', message: `The stub recorded an unknown call "${method}"`, source: 'input', detail: { method } }),
  );
  // After the replay, so an onError the page queued in the stub hears it.
  if (!config.endpoint) {
    api.reportError({ code: 'browser/missing-endpoint', message: 'The script tag has no data-endpoint; nothing is sent', source: 'input' });
  }
  loadAddons(win.document, script, capture.addons, api.reportError);
  return api;
};

/**
 * The tag's collector: its endpoint and format from the tag, every other option at its
 * default (a tag sets no other), so none of collector()'s option checks ship in the tag. A
 * format it does not know is reported as collector() reports it, and `native` is sent.
 */
const tagCollector = (endpoint: string, format = 'native'): Collector =>
  createCollector(defaultSettings(endpoint, format == 'segment' ? format : 'native', format == 'native' || format == 'segment' ? [] : ['format']));

const createApi = (config: ScriptConfig, capturePlugins: Plugin[]): BrowserApi => {
  // Without an endpoint there is nowhere to send to: an empty URL would POST to the page itself.
  const transport = config.endpoint && tagCollector(config.endpoint, config.format);
  const client = createSightline({ ...config.options, plugins: transport ? [transport, ...capturePlugins] : capturePlugins });
  const api: BrowserApi = {
    ...client,
    // The collector's own (an arrow), or without one nothing queued or sent (a fresh object
    // each time, as the collector's).
    stats: transport ? transport.stats : () => ({ queued: 0, inFlight: 0, sent: 0, retried: 0, dropped: {} }),
    commerce: commerceFor(client),
    __sightline: true,
    invoked: 1,
    ready: (fn) => {
      try {
        fn(api);
      } catch (error) {
        // Described by the report as any thrown value is: `String()` throws for a value
        // without a prototype, and that would end the boot in the middle of the stub's replay.
        client.reportError({ code: 'callback/failed', message: error, source: 'user' });
      }
      return Promise.resolve();
    },
  };
  return api;
};
