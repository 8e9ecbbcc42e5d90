import { MAX_CAMPAIGN_VALUE } from '../constants';

/** UTM parameters → `context.campaign` keys (the Segment names: utm_campaign is `name`). */
export const UTM_PARAMS = {
  utm_source: 'source',
  utm_medium: 'medium',
  utm_campaign: 'name',
  utm_term: 'term',
  utm_content: 'content',
  utm_id: 'id',
} as const;

/** Ad click ids kept under their own names in `context.campaign`; any of them marks the visit as paid. */
export const CLICK_IDS = [
  'gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid',
] as const;

/**
 * The campaign of a URL query: UTM parameters under their Segment names plus any of the
 * ad `clickIds`, or undefined when the URL carries none.
 */
export const parseCampaign = (search: string, clickIds: readonly string[]): Record<string, string> | undefined => {
  const params = new URLSearchParams(search);
  const campaign: Record<string, string> = {};
  for (const [param, key] of [...Object.entries(UTM_PARAMS), ...clickIds.map((id) => [id, id])]) {
    const value = params.get(param!);
    if (value) campaign[key!] = value.slice(0, MAX_CAMPAIGN_VALUE);
  }
  return Object.keys(campaign).length ? campaign : undefined;
};
