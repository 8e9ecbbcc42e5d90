import type { SightlineEvent } from '../../types';

/** What is remembered across pages of one session (ms since epoch). */
export interface JourneyTimes {
  /** The session id the times belong to (context.session.id, when the session plugin runs). */
  sid?: string;
  /** First "Product Viewed" of the journey. */
  view?: number;
  /** First "Product Added" of the journey. */
  add?: number;
  /** The last product viewed, for the dwell before adding it. */
  last?: { id: string; t: number };
}

/** Where journey times live between pages. */
export interface JourneyStore {
  read(): JourneyTimes | undefined;
  write(times: JourneyTimes): void;
}

const productKey = (props: Record<string, unknown>): string => String(props.product_id ?? props.sku ?? '');

/**
 * The enrich stage of the commerce plugin. It watches every event (from the helpers,
 * the declarative attributes or plain `track` calls alike) and adds:
 * - `time_to_purchase_ms` to "Order Completed": since the first "Product Viewed" of the session;
 * - `click_to_buy_ms` to "Order Completed": since the first "Product Added" of the session;
 * - `product_dwell_ms` to "Product Added": since "Product Viewed" of that same product.
 * An order ends the journey; values the caller set are kept.
 */
export function createTimings(store: JourneyStore): (event: SightlineEvent) => SightlineEvent | undefined {
  return (event) => {
    const name = event.type === 'track' ? event.event : undefined;
    if (name !== 'Product Viewed' && name !== 'Product Added' && name !== 'Order Completed') return undefined;
    const sid = event.context.session?.id;
    let times = store.read() ?? {};
    if (sid && times.sid && times.sid !== sid) times = {};
    times.sid = sid ?? times.sid;
    const now = Date.parse(event.timestamp) || Date.now();
    const props = event.properties;
    const extra: Record<string, number> = {};
    if (name === 'Product Viewed') {
      times.view ??= now;
      times.last = { id: productKey(props), t: now };
    } else if (name === 'Product Added') {
      times.add ??= now;
      if (times.last?.id && times.last.id === productKey(props)) extra.product_dwell_ms = now - times.last.t;
    } else {
      if (times.view !== undefined) extra.time_to_purchase_ms = now - times.view;
      if (times.add !== undefined) extra.click_to_buy_ms = now - times.add;
      times = { sid: times.sid };
    }
    store.write(times);
    return Object.keys(extra).length ? { ...event, properties: { ...extra, ...props } } : undefined;
  };
}
