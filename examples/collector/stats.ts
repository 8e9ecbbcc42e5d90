import type { DatabaseSync } from 'node:sqlite';
import { isRecord } from './batch.ts';
import { percentile } from './percentile.ts';

/** The funnel `GET /api/stats` reports, in order. */
export const FUNNEL_STEPS = ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'] as const;
/** Web-vitals metrics reported, and the event names that carry them. */
export const VITAL_METRICS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
export const VITAL_EVENTS = ['Web Vitals', 'Web Vital'] as const;

/** One funnel step: events, distinct visitors, and the visitor conversion from the step before. */
export interface FunnelStep {
  event: string;
  events: number;
  visitors: number;
  /** visitors / visitors of the previous step (null for the first step or an empty previous one). */
  rate: number | null;
}

/** p50/p75/p95 of one web-vitals metric. */
export interface VitalSummary {
  count: number;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/** What `GET /api/stats` answers. */
export interface CollectorStats {
  total: number;
  duplicates: number;
  uniqueAnonymousIds: number;
  byType: Record<string, number>;
  byEvent: Record<string, number>;
  funnel: { steps: FunnelStep[]; overall: number | null };
  averageOrderValue: { orders: number; revenue: number; value: number | null };
  webVitals: Partial<Record<(typeof VITAL_METRICS)[number], VitalSummary>>;
}

/** Computes every aggregate from the events table (a few indexed queries). */
export function computeStats(sqlite: DatabaseSync): CollectorStats {
  const one = (sql: string) => Number(sqlite.prepare(sql).get()?.n ?? 0);
  return {
    total: one('SELECT count(*) AS n FROM events'),
    duplicates: one(`SELECT coalesce(max(value), 0) AS n FROM counters WHERE name = 'duplicates'`),
    uniqueAnonymousIds: one('SELECT count(DISTINCT anonymous_id) AS n FROM events'),
    byType: countBy(sqlite, 'type'),
    byEvent: countBy(sqlite, 'event'),
    funnel: funnel(sqlite),
    averageOrderValue: averageOrderValue(sqlite),
    webVitals: webVitals(sqlite),
  };
}

function countBy(sqlite: DatabaseSync, column: 'type' | 'event'): Record<string, number> {
  const rows = sqlite.prepare(`SELECT ${column} AS k, count(*) AS n FROM events
    WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY n DESC, k`).all();
  return Object.fromEntries(rows.map((row) => [String(row.k), Number(row.n)]));
}

function funnel(sqlite: DatabaseSync): CollectorStats['funnel'] {
  const count = sqlite.prepare(`SELECT count(*) AS events, count(DISTINCT coalesce(anonymous_id, user_id)) AS visitors
    FROM events WHERE type = 'track' AND event = ?`);
  const steps: FunnelStep[] = [];
  for (const event of FUNNEL_STEPS) {
    const row = count.get(event) ?? {};
    const visitors = Number(row.visitors ?? 0);
    const previous = steps.at(-1);
    steps.push({ event, events: Number(row.events ?? 0), visitors, rate: previous ? ratio(visitors, previous.visitors) : null });
  }
  return { steps, overall: ratio(steps.at(-1)?.visitors ?? 0, steps[0]?.visitors ?? 0) };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function averageOrderValue(sqlite: DatabaseSync): CollectorStats['averageOrderValue'] {
  const values = trackProperties(sqlite, ['Order Completed'])
    .map((properties) => toNumber(properties.revenue ?? properties.total))
    .filter((v): v is number => v !== null);
  const revenue = values.reduce((sum, v) => sum + v, 0);
  return { orders: values.length, revenue, value: values.length ? revenue / values.length : null };
}

function webVitals(sqlite: DatabaseSync): CollectorStats['webVitals'] {
  const samples = trackProperties(sqlite, VITAL_EVENTS).map((properties) => ({
    metric: String(properties.name ?? properties.metric ?? '').toUpperCase(),
    value: toNumber(properties.value),
  }));
  const result: CollectorStats['webVitals'] = {};
  for (const metric of VITAL_METRICS) {
    const values = samples.filter((s) => s.metric === metric).map((s) => s.value);
    const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    result[metric] = { count: sorted.length, p50: percentile(sorted, 50), p75: percentile(sorted, 75), p95: percentile(sorted, 95) };
  }
  return result;
}

/**
 * The `properties` object of every track event with one of these names ({} when absent or
 * not an object). Parsed here rather than with SQLite's `json_extract`: that fails the whole
 * query on one event nested deeper than its JSON depth limit (1,000), and it returns a string
 * `properties` that holds JSON as text that would then be parsed as if it were an object.
 */
function trackProperties(sqlite: DatabaseSync, names: readonly string[]): Record<string, unknown>[] {
  const marks = names.map(() => '?').join(', ');
  const rows = sqlite.prepare(`SELECT json FROM events WHERE type = 'track' AND event IN (${marks})`).all(...names);
  return rows.map((row) => {
    const event: unknown = JSON.parse(String(row.json));
    return isRecord(event) && isRecord(event.properties) ? event.properties : {};
  });
}

/** A finite number, or a numeric string ("49.90"), else null. */
function toNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}
