import type { Accuracy, Latency } from './score.ts';
import type { ChromiumResult } from './chromium.ts';

/** The parts of the results the table shows. */
export interface TableInput {
  accuracy: Accuracy;
  required: { hr20: number; mrr20: number };
  aim: { hr20: number; mrr20: number };
  passed: boolean;
  model: { bytes: number; gzipBytes: number; brotliBytes: number; items: number; sessions: number };
  node: { decodeMs: number; rankItems: Latency; recommend: Latency };
  chromium: ChromiumResult | { skipped: string };
  trainer: { wallMs: number; peakRssMB: number; tuneMs: number };
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
const lat = (l: Latency): string => `p50 ${l.p50Us} µs · p95 ${l.p95Us} µs · p99 ${l.p99Us} µs (${l.calls} calls)`;

/** The benchmark's printed table. */
export function table(r: TableInput): string {
  const a = r.accuracy;
  const c = r.chromium;
  const rows: [string, string][] = [
    ['cases (all items ranked)', `${a.cases} × ${r.model.items} items`],
    ['HR@20 / MRR@20', `${a.hr20} / ${a.mrr20}  (required ${r.required.hr20} / ${r.required.mrr20}: ${r.passed ? 'PASS' : 'FAIL'}; aim ${r.aim.hr20} / ${r.aim.mrr20})`],
    ['HR@5 / MRR@5', `${a.hr5} / ${a.mrr5}`],
    ['model size', `${mb(r.model.bytes)} raw · ${mb(r.model.gzipBytes)} gzip · ${mb(r.model.brotliBytes)} brotli (${r.model.sessions} sessions)`],
    ['decode (Node)', `${r.node.decodeMs} ms`],
    ['rankItems (Node)', lat(r.node.rankItems)],
    ['recommend k=4 (Node)', lat(r.node.recommend)],
    ['Chromium fetch + decode', 'skipped' in c ? `skipped: ${c.skipped}` : `${c.fetchMs.toFixed(1)} + ${c.decodeMs.toFixed(1)} ms · loadModel cold ${c.loadColdMs.toFixed(0)} ms, from IndexedDB ${c.loadWarmMs.toFixed(0)} ms`],
    ['rankItems (Chromium)', 'skipped' in c ? '-' : lat(c.latency)],
    ['trainer', `${(r.trainer.wallMs / 1000).toFixed(1)} s wall (tuning ${(r.trainer.tuneMs / 1000).toFixed(1)} s) · peak ${r.trainer.peakRssMB} MB`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
