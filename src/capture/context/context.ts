import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
import { sessionStore } from '../shared/session-store';
import { CLICK_IDS, parseCampaign } from './campaign';
import { classifyReferrer, type ReferrerDomains, type ReferrerType } from './referrer';
import { connection, deviceClass, userAgentData } from './device';
import { SOURCE_REFRESH_MS } from '../constants';

/** Options of {@link context}. */
export interface ContextOptions {
  /** More ad click ids to keep (and count as paid), besides {@link CLICK_IDS}. */
  clickIds?: string[];
  /**
   * More referrer domains per class, besides {@link REFERRER_DOMAINS}; `internal` lists steps
   * of the visit on other sites (a bank's 3-D Secure page), which keep the session's source.
   */
  domains?: ReferrerDomains;
}

/** How the session began: stored so every page of it carries the same campaign and source. */
interface SessionSource {
  campaign?: Record<string, string>;
  referrer: { type: ReferrerType; domain?: string };
}

/**
 * Enriches every event's context (keys already set are kept): `campaign` (UTM + click ids
 * of the session's landing page), `referrer` ({ type, domain } of the session's source),
 * `device.class`, `userAgentData` (low-entropy client hints), `viewport` and `connection`.
 * A new campaign or an external referrer starts a new source; internal pages (and payment or
 * sign-in pages the shopper comes back from) keep it.
 * The campaign is read from the first event's `context.page.search`: the query as the
 * core's privacy rules let it out (secret parameters, emails and card numbers redacted,
 * `allowQueryParams` applied), never from the raw URL.
 */
export const context = (options?: ContextOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { clickIds = [], domains } = Object(options) as ContextOptions;
  let fixed: Record<string, unknown> | undefined;
  // Set at setup, run by the first event with a page (its redacted query); then it refreshes
  // the stored source's expiry.
  let start: ((search: string) => void) | undefined;
  // Plain JavaScript may pass one id, or a list with other things in it: the strings count.
  const ids = (CLICK_IDS as readonly unknown[]).concat(clickIds).filter((id): id is string => typeof id == 'string');
  const plugin = capturePlugin('context', (scope) => {
    start = scope.safe((search: string) => {
      start = undefined;
      const store = sessionStore<SessionSource>(scope, 'source');
      const campaign = parseCampaign(search, ids);
      const referrer = classifyReferrer(campaign, ids, Object(domains));
      const stored = store.read();
      const source: SessionSource = !campaign && stored && /^(direct|internal)$/.test(referrer.type) ? stored : { ...(campaign && { campaign }), referrer };
      const agent = userAgentData();
      store.write(source);
      // The source as stored: `campaign` (only when the session has one) and `referrer`.
      fixed = { ...source, device: { class: deviceClass() }, ...(agent && { userAgentData: agent }) };
      // From now on the tab's events keep the stored source alive, as activity keeps a session
      // (an SPA has no loads to do it), at most once a minute. What is stored is what is kept:
      // another tab may have stored a newer source since.
      let due = Date.now() + SOURCE_REFRESH_MS;
      start = () => {
        if (Date.now() > due) {
          due = Date.now() + SOURCE_REFRESH_MS;
          const latest = store.read();
          if (latest) store.write(latest);
        }
      };
    });
    scope.add(() => (fixed = start = undefined));
  });
  return {
    ...plugin,
    enrich(event) {
      const net = connection();
      if (start && event.context.page) start(event.context.page.search);
      // The event's own context last: keys already set are kept.
      if (fixed) return { ...event, context: { ...fixed, viewport: { width: innerWidth, height: innerHeight }, ...(net && { connection: net }), ...event.context } };
    },
  };
};
