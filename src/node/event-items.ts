/** What the trainer takes from one event: who, when, which session id if any, which items. */
export interface EventItems {
  visitor: string;
  sessionId: string | undefined;
  time: number;
  items: string[];
}

const PRODUCT_EVENTS = new Set(['Product Viewed', 'Product Added', 'Product Clicked']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/**
 * The events of one NDJSON line: a sightline event, a collector row wrapping one in
 * `payload`, or a batch (`{ batch: [...] }`). `undefined` for a line that is not a JSON
 * object (cut off, another format), which the trainer counts.
 */
export function eventsOfLine(line: string): Obj[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObj(value)) return undefined;
  if (Array.isArray(value.batch)) return value.batch.filter(isObj);
  if (isObj(value.payload)) return [value.payload];
  return [value];
}

/**
 * Item ids a track event says the shopper engaged with: `properties.product_id` of
 * Product Viewed / Added / Clicked, and every `products[].product_id` of Order
 * Completed. Returns undefined for events that carry none.
 */
export function itemsOfEvent(e: Obj): EventItems | undefined {
  if (e.type !== 'track' || typeof e.event !== 'string') return undefined;
  const props = isObj(e.properties) ? e.properties : {};
  let items: string[] = [];
  if (PRODUCT_EVENTS.has(e.event)) {
    const id = idOf(props.product_id) ?? idOf(props.sku);
    if (id) items = [id];
  } else if (e.event === 'Order Completed' && Array.isArray(props.products)) {
    items = props.products.flatMap((p) => (isObj(p) ? [idOf(p.product_id) ?? idOf(p.sku)].filter((x): x is string => !!x) : []));
  }
  const visitor = idOf(e.anonymousId) ?? idOf(e.userId);
  const time = Date.parse(String(e.timestamp ?? ''));
  if (!items.length || !visitor || Number.isNaN(time)) return undefined;
  const ctx = isObj(e.context) ? e.context : {};
  const sessionId = isObj(ctx.session) ? idOf(ctx.session.id) : undefined;
  return { visitor, sessionId, time, items };
}
