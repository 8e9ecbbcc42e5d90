import type { Plugin } from '../types';
// A bundle keeps the modules in import order, and brotli packs code that looks alike
// better side by side: this order is 37 B smaller than setup order (measured, and the best
// of every one-module move from it, measured again on 2026-11-25; the plugins still set up
// in setup order, `context` first, below). It shifts by ±10 B as the code changes: measure
// again after a change.
import { vitals, type VitalsOptions } from './vitals/vitals';
import { clicks, type ClicksOptions } from './clicks/clicks';
import { pageviews, type PageviewsOptions } from './pageviews';
import { forms, type FormsOptions } from './forms/forms';
import { commerce, type CommerceOptions } from './commerce/commerce';
import { context, type ContextOptions } from './context/context';
import { engagement, type EngagementOptions } from './engagement/engagement';

/**
 * Options of {@link autocapture}: each plugin's options, or `false` to leave it out.
 * `errors()` is not part of the set: add it yourself (many shops already run an error
 * monitor, and a bundle that never uses it should not carry it).
 */
export interface AutocaptureOptions {
  pageviews?: PageviewsOptions | false;
  clicks?: ClicksOptions | false;
  forms?: FormsOptions | false;
  engagement?: EngagementOptions | false;
  commerce?: CommerceOptions | false;
  vitals?: VitalsOptions | false;
  context?: ContextOptions | false;
}

/**
 * Every capture plugin at once, for `createSightline({ plugins: [...autocapture()] })`.
 * `context` comes first so its enrichment is in place before the first page view.
 * Import the single factories instead to keep a bundle to what it uses.
 */
export const autocapture = (options?: AutocaptureOptions): Plugin[] => {
  // Plain JavaScript may pass null, for all the options or for one plugin's (each plugin takes it as none).
  const o = Object(options) as AutocaptureOptions;
  // Set up in the order written here (`context` first): Object.keys keeps it.
  const factories = { context, pageviews, clicks, forms, engagement, commerce, vitals };
  return (Object.keys(factories) as Array<keyof AutocaptureOptions>)
    .filter((name) => o[name] !== false)
    .map((name) => (factories[name] as (options: unknown) => Plugin)(o[name]));
};
