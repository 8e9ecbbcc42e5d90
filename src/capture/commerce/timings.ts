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

/** The product an event is about: its `product_id`, else its `sku` (an empty id counts as none). */
const productKey = (props: Record<string, unknown>): string => String(props.product_id || props.sku || '');

/**
 * The enrich stage of the commerce plugin. It watches every event (from the helpers,
 * the declarative attributes or plain `track` calls alike) and adds:
 * - `time_to_purchase_ms` to "Order Completed": since the first "Product Viewed" of the session;
 * - `click_to_buy_ms` to "Order Completed": since the first "Product Added" of the session;
 * - `product_dwell_ms` to "Product Added": since "Product Viewed" of that same product.
 * An order ends the journey; values the caller set are kept.
 */
export const createTimings = (store: JourneyStore): (event: SightlineEvent) => SightlineEvent | undefined => {
  return (event) => {
    const name = event.type === 'track' && event.event;
    const viewed = name == 'Product Viewed';
    const added = name == 'Product Added';
    if (!viewed && !added && name != 'Order Completed') return;
    const sid = (event.context.session || {}).id;
    let times = store.read() || {};
    if (sid && times.sid && times.sid !== sid) times = {};
    if (sid) times.sid = sid;
    const now = Date.parse(event.timestamp) || Date.now();
    const { properties } = event;
    const { view, add, last } = times;
    const extra: Record<string, number> = {};
    if (viewed) {
      times.view = view || now;
      times.last = { id: productKey(properties), t: now };
    } else if (added) {
      times.add = add || now;
      if (last && last.id && last.id == productKey(properties)) extra.product_dwell_ms = now - last.t;
    } else {
      if (view) extra.time_to_purchase_ms = now - view;
      if (add) extra.click_to_buy_ms = now - add;
      times = { sid: times.sid };
    }
    store.write(times);
    // Nothing to add: undefined, the event as it is.
    if (Object.keys(extra).length) return { ...event, properties: { ...extra, ...properties } };
  };
};
