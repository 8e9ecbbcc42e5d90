import type { ModelInput } from '../recommend/format/encode-model';
import type { KnnParams, TierParams } from '../recommend/knn/params';
import type { FlatSessions } from '../recommend/format/sessions';
import { popularityOrder } from './popularity-order';

/** What {@link modelInput} needs besides the sessions. */
export interface ModelInputOptions {
  ids: readonly string[];
  params: KnnParams;
  tiers: TierParams;
  builtAt: number;
  version: string;
  info?: Record<string, unknown>;
}

/**
 * Renumbers items in popularity order (the model's item index: small numbers for the
 * items clicked most, which is what makes the byte planes compress) and assembles the
 * encoder's input.
 */
export function modelInput({ offsets, items }: FlatSessions, o: ModelInputOptions): ModelInput {
  const { order, counts } = popularityOrder(offsets, items, o.ids.length);
  const indexOf = new Int32Array(order.length);
  order.forEach((item, index) => (indexOf[item] = index));
  return {
    builtAt: o.builtAt,
    version: o.version,
    ids: Array.from(order, (i) => o.ids[i]!),
    popularity: counts,
    sessions: { offsets, items: items.map((i) => indexOf[i]!) },
    params: o.params,
    tiers: o.tiers,
    ...(o.info ? { info: o.info } : {}),
  };
}
