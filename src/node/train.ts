import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeModel } from '../recommend/format/encode-model';
import { encodeSharded } from '../recommend/format/encode-sharded';
import type { KnnParams } from '../recommend/knn/params';
import { DEFAULT_KNN_PARAMS } from '../recommend/knn/params';
import type { InputFormat } from './load-corpus';
import { emptyCorpusMessage, loadCorpus } from './load-corpus';
import { modelInput } from './model-input';
import type { TrainReport } from './report';
import { notJson } from './report';
import { validate } from './validate';

/** Options of {@link train} (the CLI's flags). */
export interface TrainOptions {
  /** Event log (NDJSON) or session file, plain or gzip. */
  input: string;
  format?: InputFormat | 'auto';
  /** Where to write the model (`.slrm`); with `shardSize`, the manifest. */
  output: string;
  /** Items per shard; writes a manifest plus shard files next to it. */
  shardSize?: number;
  /** Share of the newest sessions held out to choose parameters (default 0.1). */
  validation?: number;
  /** `quick` (default) searches parameters on the validation split; `none` keeps the defaults. */
  tune?: 'quick' | 'none';
  /** Optional time limit of the search (ms; default none, so that runs reproduce). */
  tuneBudgetMs?: number;
  /** Passes of the coordinate search over the grid at most (default 1). */
  tunePasses?: number;
  /** Validation cases sampled for the search (default 10,000). */
  validationCases?: number;
  /** Fixed parameters (not searched); `timeDecay` here is absolute, in sessions. */
  params?: Partial<KnnParams>;
  /** How many times likelier than an average top-5 candidate a "must-buy" item must be (default 2.5). */
  mustBuyLift?: number;
  /** Model version id (default: derived from the build time). */
  version?: string;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
}

/** Reads, validates, tunes and writes a model; resolves with the report (also written as JSON). */
export async function train(o: TrainOptions): Promise<TrainReport> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  const read = await loadCorpus(o.input, o.format).catch((error: unknown) => {
    // zlib's "unknown compression method" or "incorrect header check" do not name the file.
    throw new Error(`cannot read ${o.input}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const { corpus, format, lines } = read;
  // Before any file is written: an empty model would only recommend from popularity.
  if (!corpus.sessionCount) throw new Error(emptyCorpusMessage(o.input, read));
  const sessions = { offsets: corpus.offsets(), items: corpus.items() };
  const readMs = performance.now() - t0;
  log(`read ${corpus.sessionCount} sessions, ${corpus.ids.length} items (${Math.round(readMs)} ms)${read.unreadable ? `; ${notJson(read.unreadable)}, skipped` : ''}`);
  const fixed = { ...o.params, ...(o.params?.timeDecay !== undefined ? { timeDecay: o.params.timeDecay / Math.max(1, corpus.sessionCount) } : {}) };
  const v = validate(sessions, corpus.ids.length, { ...o, start: { ...DEFAULT_KNN_PARAMS, timeDecay: 1.2, ...fixed }, fixed: Object.keys(fixed) as (keyof KnnParams)[], log });
  const params = { ...v.params, timeDecay: Math.round(v.params.timeDecay * corpus.sessionCount) };
  const builtAt = Date.now();
  const version = o.version ?? new Date(builtAt).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const input = modelInput(sessions, { ids: corpus.ids, params, tiers: v.tiers, builtAt, version, info: { trainer: 'sightline-train' } });
  const t1 = performance.now();
  const files = await writeModel(input, o);
  const encodeMs = performance.now() - t1;
  const report: TrainReport = {
    input: o.input,
    format,
    output: files.map((f) => f.path),
    version,
    builtAt: new Date(builtAt).toISOString(),
    corpus: {
      lines,
      ...(format === 'events' ? { unreadable: read.unreadable ?? 0, events: read.events ?? 0 } : {}),
      sessions: corpus.sessionCount,
      items: corpus.ids.length,
      clicks: sessions.items.length,
    },
    validation: v.report,
    params,
    tiers: v.tiers,
    model: { bytes: files[0]!.bytes, gzipBytes: files[0]!.gzipBytes, files: files.length, totalBytes: files.reduce((n, f) => n + f.bytes, 0) },
    timings: { readMs: Math.round(readMs), tuneMs: v.report.ms, encodeMs: Math.round(encodeMs), totalMs: Math.round(performance.now() - t0) },
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await writeFile(`${o.output}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

async function writeModel(input: ReturnType<typeof modelInput>, o: TrainOptions): Promise<{ path: string; bytes: number; gzipBytes: number }[]> {
  await mkdir(dirname(o.output), { recursive: true });
  const files = o.shardSize
    ? (() => {
        const s = encodeSharded(input, o.shardSize, basename(o.output).replace(/\.slrm$/, ''));
        return [{ path: o.output, bytes: s.manifest }, ...s.shards.map((f) => ({ path: join(dirname(o.output), f.file), bytes: f.bytes }))];
      })()
    : [{ path: o.output, bytes: encodeModel(input) }];
  for (const f of files) await writeFile(f.path, f.bytes);
  return files.map((f) => ({ path: f.path, bytes: f.bytes.length, gzipBytes: gzipSync(f.bytes, { level: 9 }).length }));
}
