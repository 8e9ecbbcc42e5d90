import type { KnnParams, TierParams } from '../recommend/knn/params';
import type { InputFormat } from './load-corpus';
import type { ValidationReport } from './validate';

/** The trainer's report, written as `<model>.report.json` and printed as a table. */
export interface TrainReport {
  input: string;
  format: InputFormat;
  output: string[];
  version: string;
  builtAt: string;
  /** `unreadable` and `events` for an event log: lines not a JSON object, product events taken. */
  corpus: { lines: number; unreadable?: number; events?: number; sessions: number; items: number; clicks: number };
  validation: ValidationReport;
  params: KnnParams;
  tiers: TierParams;
  model: { bytes: number; gzipBytes: number; files: number; totalBytes: number };
  timings: { readMs: number; tuneMs: number; encodeMs: number; totalMs: number };
  peakRssMB: number;
}

/** Two-column text table of the report's headline numbers. */
export function reportTable(r: TrainReport): string {
  const m = r.validation.metrics;
  const rows: [string, string][] = [
    ['model', `${r.output[0]} (${r.model.files} file${r.model.files > 1 ? 's' : ''}), version ${r.version}`],
    ['corpus', `${r.corpus.sessions} sessions, ${r.corpus.items} items, ${r.corpus.clicks} clicks${r.corpus.unreadable ? ` (${notJson(r.corpus.unreadable)}, skipped)` : ''}`],
    ['validation', `${r.validation.cases} cases (${r.validation.sampled} sampled), ${r.validation.trials} trials${r.validation.stopped === 'budget' ? ' (cut by --tune-budget)' : ''}`],
    ['HR@20 / MRR@20', m ? `${m.hr20} / ${m.mrr20}` : 'n/a (too little data)'],
    ['HR@5 / MRR@5', m ? `${m.hr5} / ${m.mrr5}` : 'n/a'],
    ['size', `${kb(r.model.bytes)} raw, ${kb(r.model.gzipBytes)} gzip`],
    ['time', `${(r.timings.totalMs / 1000).toFixed(1)} s (read ${r.timings.readMs} ms, tune ${r.timings.tuneMs} ms, write ${r.timings.encodeMs} ms)`],
    ['peak memory', `${r.peakRssMB} MB`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

/** "1 line not a JSON object", "2 lines not JSON objects". */
export const notJson = (n: number): string => (n == 1 ? '1 line not a JSON object' : `${n} lines not JSON objects`);

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
