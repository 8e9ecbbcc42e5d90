import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createCorpus } from '../../src/node/corpus';
import { modelInput } from '../../src/node/model-input';
import type { ModelInput } from '../../src/recommend/format/encode-model';
import type { KnnParams } from '../../src/recommend/knn/params';
import { DEFAULT_KNN_PARAMS, DEFAULT_TIER_PARAMS } from '../../src/recommend/knn/params';

/** The shared data sets (read in place, never copied into the repo). */
export const DATASETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/datasets');

/** The raw click sample. */
export const SAMPLE_CSV = join(DATASETS, 'diginetica/sample_train-item-views.csv');

let cached: string[][] | undefined;

/**
 * Sessions of the sample click log: clicks grouped by session_id and ordered by
 * timeframe, sessions ordered by date then id (the standard protocol's step 1).
 */
export function sampleSessions(): string[][] {
  if (cached) return cached;
  const rows = readFileSync(SAMPLE_CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
  const bySession = new Map<string, { date: string; clicks: [number, string][] }>();
  for (const [session, , item, timeframe, date] of rows) {
    const s = bySession.get(session!) ?? { date: '', clicks: [] };
    s.clicks.push([Number(timeframe), item!]);
    if (date! > s.date) s.date = date!;
    bySession.set(session!, s);
  }
  cached = [...bySession]
    .sort(([a, x], [b, y]) => x.date.localeCompare(y.date) || Number(a) - Number(b))
    .map(([, s]) => s.clicks.sort((a, b) => a[0] - b[0]).map(([, item]) => item));
  return cached;
}

/** A fresh temporary directory for trainer output. */
export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'sightline-reco-'));

/** Writes sessions as a session file (one per line), gzip when the name ends in `.gz`. */
export async function writeSessionFile(path: string, sessions: readonly (readonly string[])[]): Promise<string> {
  const text = `${sessions.map((s) => s.join(' ')).join('\n')}\n`;
  await writeFile(path, path.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

/** Encoder input for `sessions` (session length ≥ 2 kept), with default or given parameters. */
export function fixtureInput(sessions: readonly (readonly string[])[], params: Partial<KnnParams> = {}): ModelInput {
  const corpus = createCorpus();
  sessions.forEach((s) => corpus.add(s));
  return modelInput(
    { offsets: corpus.offsets(), items: corpus.items() },
    { ids: corpus.ids, params: { ...DEFAULT_KNN_PARAMS, ...params }, tiers: DEFAULT_TIER_PARAMS, builtAt: 1_700_000_000_000, version: 'fixture-1' },
  );
}
