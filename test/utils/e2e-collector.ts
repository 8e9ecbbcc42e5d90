import type { CollectorStats, StoredEvent } from '../../examples/collector/server';

/** Query parameters of GET /api/events. */
export interface EventQuery {
  type?: string;
  event?: string;
  anonymousId?: string;
  userId?: string;
}

/** Every stored event matching `query`, oldest first. */
export async function fetchEvents(collectorUrl: string, query: EventQuery = {}): Promise<StoredEvent[]> {
  const params = new URLSearchParams({ ...query, order: 'asc', limit: '1000' } as Record<string, string>);
  const response = await fetch(`${collectorUrl}/api/events?${params}`);
  if (!response.ok) throw new Error(`GET /api/events answered ${response.status}`);
  return ((await response.json()) as { events: StoredEvent[] }).events;
}

/** The collector's aggregate counters. */
export async function fetchStats(collectorUrl: string): Promise<CollectorStats> {
  const response = await fetch(`${collectorUrl}/api/stats`);
  if (!response.ok) throw new Error(`GET /api/stats answered ${response.status}`);
  return (await response.json()) as CollectorStats;
}

/** Options of {@link waitForEvents}. */
export interface WaitOptions extends EventQuery {
  /** Resolves once this holds for the matching events. */
  until: (events: StoredEvent[]) => boolean;
  /** What we wait for, for the timeout message. */
  describe: string;
  timeoutMs?: number;
}

const POLL_MS = 150;

/**
 * Polls GET /api/events until `until(events)` holds, and returns those events; rejects
 * after the deadline with what had arrived. The poll interval only paces the polling:
 * the assertion is the condition, never the passing of time.
 */
export async function waitForEvents(collectorUrl: string, options: WaitOptions): Promise<StoredEvent[]> {
  const { until, describe, timeoutMs = 20_000, ...query } = options;
  const deadline = Date.now() + timeoutMs;
  let events: StoredEvent[] = [];
  for (;;) {
    events = await fetchEvents(collectorUrl, query);
    if (until(events)) return events;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe}; got: ${summarize(trackNames(events)) || 'nothing'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Names in order with repeats counted (`Product Viewed ×3`), so a timeout message stays readable. */
function summarize(names: string[]): string {
  const runs: Array<[string, number]> = [];
  for (const name of names) {
    const last = runs[runs.length - 1];
    if (last?.[0] === name) last[1]++;
    else runs.push([name, 1]);
  }
  return runs.map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

/** The names of track events (page views as `page`), in order. */
export function trackNames(events: StoredEvent[]): string[] {
  return events.map((e) => (e.type === 'track' ? String(e.event) : e.type));
}

/** Events sorted by the time they happened on the device (ties keep arrival order). */
export function byEventTime(events: StoredEvent[]): StoredEvent[] {
  return [...events].sort((a, b) => Date.parse(a.timestamp ?? '') - Date.parse(b.timestamp ?? '') || a.id - b.id);
}

/** The properties of a stored event. */
export function props(event: StoredEvent | undefined): Record<string, any> {
  return ((event?.payload as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as Record<string, any>;
}

/** True when every name of `expected` occurs in `names` in that order (others may be between). */
export function isSubsequence(expected: string[], names: string[]): boolean {
  let i = 0;
  for (const name of names) if (name === expected[i]) i++;
  return i === expected.length;
}
