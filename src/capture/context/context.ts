import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
import { sessionStore } from '../shared/session-store';
import { CLICK_IDS, parseCampaign } from './campaign';
import { classifyReferrer, REFERRER_DOMAINS, type ReferrerDomains, type ReferrerType } from './referrer';
import { connection, deviceClass, userAgentData } from './device';

/** Options of {@link context}. */
export interface ContextOptions {
  /** More ad click ids to keep (and count as paid), besides {@link CLICK_IDS}. */
  clickIds?: string[];
  /** More referrer domains per class, besides {@link REFERRER_DOMAINS}. */
  domains?: Partial<Record<keyof typeof REFERRER_DOMAINS, string[]>>;
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
 * A new campaign or an external referrer starts a new source; internal pages keep it.
 */
export function context(options: ContextOptions = {}): Plugin {
  let fixed: Record<string, unknown> | undefined;
  const clickIds = [...CLICK_IDS, ...(options.clickIds ?? [])];
  const domains = { ...REFERRER_DOMAINS } as ReferrerDomains;
  for (const kind of Object.keys(domains) as Array<keyof ReferrerDomains>) domains[kind] = [...domains[kind], ...(options.domains?.[kind] ?? [])];
  const plugin = capturePlugin('context', (scope) => {
    const store = sessionStore<SessionSource>(scope, 'source');
    const campaign = parseCampaign(location.search, clickIds);
    const landing = { referrer: document.referrer, campaign, host: location.hostname };
    const referrer = classifyReferrer(landing, domains, clickIds);
    const stored = store.read();
    const source: SessionSource = !campaign && stored && (referrer.type === 'direct' || referrer.type === 'internal') ? stored : { campaign, referrer };
    store.write(source);
    const agent = userAgentData();
    fixed = { referrer: source.referrer, device: { class: deviceClass() }, ...(source.campaign && { campaign: source.campaign }), ...(agent && { userAgentData: agent }) };
    scope.add(() => (fixed = undefined));
  });
  return {
    ...plugin,
    enrich(event) {
      if (!fixed) return undefined;
      const net = connection();
      const live = { viewport: { width: window.innerWidth, height: window.innerHeight }, ...(net && { connection: net }) };
      const merged = { ...event.context };
      for (const [key, value] of Object.entries({ ...fixed, ...live })) merged[key] ??= value;
      return { ...event, context: merged };
    },
  };
}
