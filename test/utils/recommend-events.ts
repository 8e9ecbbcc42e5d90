/** Minimal sightline events as the collector exports them, for trainer specs. */
export interface LogEvent {
  type: 'track' | 'page';
  event?: string;
  properties: Record<string, unknown>;
  anonymousId: string;
  userId: null;
  messageId: string;
  timestamp: string;
  context: Record<string, unknown>;
}

let n = 0;

/** A Product Viewed event at `time` (ms) for `visitor`, optionally in session `sessionId`. */
export function viewed(visitor: string, item: string, time: number, sessionId?: string): LogEvent {
  return {
    type: 'track',
    event: 'Product Viewed',
    properties: { product_id: item },
    anonymousId: visitor,
    userId: null,
    messageId: `m${++n}`,
    timestamp: new Date(time).toISOString(),
    context: sessionId ? { session: { id: sessionId } } : {},
  };
}

/** Order Completed with `items` as products[]. */
export function ordered(visitor: string, items: string[], time: number): LogEvent {
  return { ...viewed(visitor, '', time), event: 'Order Completed', properties: { order_id: 'o1', products: items.map((product_id) => ({ product_id })) } };
}

/**
 * One visitor per session, one click a minute, sessions an hour apart: the log a shop
 * would export for these sessions.
 */
export function eventLogOf(sessions: readonly (readonly string[])[], start = Date.UTC(2016, 0, 1)): LogEvent[] {
  return sessions.flatMap((s, i) => s.map((item, j) => viewed(`v${i}`, item, start + i * 3_600_000 + j * 60_000)));
}

/** NDJSON text of events (one per line). */
export const ndjson = (events: readonly unknown[]): string => `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
