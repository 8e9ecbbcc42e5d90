/**
 * Recommender benchmark (issue #6): `npm run bench:reco` → `node bench/reco/run.ts`.
 *
 * Trains with the `sightline-train` bin on DIGINETICA's standard training split
 * (parameters chosen on its newest 10%), decodes the written `.slrm` file with the
 * browser's decoder, and scores all 60,858 test cases ranking all 43,097 items:
 * HR/MRR @20 and @5. Also: model bytes (raw, gzip, brotli), load and parse time, per-call
 * latency in Node and Chromium, trainer time and peak memory. Prints a table and writes
 * bench/results/reco.json. Flags: --reuse (keep the last model), --no-chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type * as Reco from '../../src/recommend/index.ts';
import { buildAll, ROOT, WORK } from './build.ts';
import { inChromium } from './chromium.ts';
import { TRAIN, testCases } from './data.ts';
import { table } from './table.ts';
import { recommendLatency, scoreAll } from './score.ts';
import { median, round } from './stats.ts';

const REQUIRED = { hr20: 51.7, mrr20: 18.4 };
const AIM = { hr20: 54.2, mrr20: 19.0 };
const args = new Set(process.argv.slice(2));
const modelPath = `${WORK}model.slrm`;

const built = await buildAll();
const trainStart = performance.now();
if (!args.has('--reuse') || !existsSync(modelPath)) {
  execFileSync(process.execPath, [built.trainer, TRAIN, '-o', modelPath, '--quiet'], { stdio: 'inherit' });
}
const trainWallMs = performance.now() - trainStart;
const report = JSON.parse(readFileSync(`${modelPath}.report.json`, 'utf8'));
const bytes = new Uint8Array(readFileSync(modelPath));
const reco = (await import(built.module)) as typeof Reco;

const decodeTimes: number[] = [];
let model: Reco.Model | undefined;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = reco.decodeModel(bytes);
  decodeTimes.push(performance.now() - t);
  if ('error' in r) throw new Error(`the browser decoder refused the model: ${r.error.message}`);
  model = r.model;
}
const cases = testCases();
const scored = scoreAll(reco, model!, cases);
const recommendCall = await recommendLatency(reco, model!, cases.slice(0, 10_000));
const chromium = args.has('--no-chromium') ? { skipped: '--no-chromium' } : await inChromium(built.iife, bytes, cases.slice(0, 10_000));

const results = {
  date: new Date().toISOString(),
  trainerBin: built.trainerSource,
  decoder: built.moduleSource,
  accuracy: scored.accuracy,
  required: REQUIRED,
  aim: AIM,
  passed: scored.accuracy.hr20 >= REQUIRED.hr20 && scored.accuracy.mrr20 >= REQUIRED.mrr20,
  model: {
    version: report.version,
    items: model!.meta.itemCount,
    sessions: model!.meta.sessionCount,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    brotliBytes: brotliCompressSync(bytes).length,
    params: report.params,
    tiers: report.tiers,
  },
  node: { decodeMs: round(median(decodeTimes), 1), rankItems: scored.latency, recommend: recommendCall },
  chromium,
  trainer: { wallMs: Math.round(trainWallMs), ...report.timings, peakRssMB: report.peakRssMB, validation: report.validation },
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/reco.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));
if (!results.passed) process.exitCode = 1;
