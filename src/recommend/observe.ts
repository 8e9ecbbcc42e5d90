import type { SightlineEvent } from '../types';

/** What a commerce event means for the recommender. */
export interface Observed {
  kind: 'view' | 'add' | 'remove' | 'buy';
  items: string[];
  /** `context.session.id` when the session plugin added it. */
  sessionId: string | undefined;
  time: number;
}

const KIND: Record<string, Observed['kind']> = {
  'Product Viewed': 'view',
  'Product Clicked': 'view',
  'Product Added': 'add',
  'Product Removed': 'remove',
  'Order Completed': 'buy',
};

const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/**
 * Reads the product ids of a Segment e-commerce event (`properties.product_id`, or
 * `products[].product_id` for Order Completed). Undefined for any other event.
 */
export const observe = (event: SightlineEvent): Observed | undefined => {
  const kind = event.type === 'track' && event.event ? KIND[event.event] : undefined;
  if (!kind) return undefined;
  const p = event.properties ?? {};
  const list = kind === 'buy' && Array.isArray(p.products) ? (p.products as unknown[]) : [p];
  const items = list
    .map((x) => (x && typeof x === 'object' ? idOf((x as Record<string, unknown>).product_id) ?? idOf((x as Record<string, unknown>).sku) : undefined))
    .filter((x): x is string => x !== undefined);
  if (!items.length) return undefined;
  const time = Date.parse(event.timestamp);
  return { kind, items, sessionId: idOf(event.context?.session?.id), time: Number.isNaN(time) ? Date.now() : time };
};
