import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCatalog } from './catalog.ts';
import { generateSessions, sessionFile, type SessionOptions } from './sessions.ts';

/** Where the storefront keeps its model (git-ignored). */
export const DEFAULT_MODEL_FILE = fileURLToPath(new URL('../data/model.slrm', import.meta.url));

/** Bump when sessions.ts or patterns.ts change what shoppers do: the model is then rebuilt. */
const GENERATOR_VERSION = 1;
const SESSIONS: Required<SessionOptions> = { seed: 6, count: 4_000 };
/**
 * `--no-tune`: a time-boxed parameter search would make the model depend on machine load.
 * `selfWeight=0`: these shoppers never view a product twice in a row, so the repeat bonus
 * (tuned on DIGINETICA, where they do) would only rank the query items first and leave the
 * "must-buy" tier empty; without it, validation MRR@20 goes from 25.6 to 37.1.
 */
const TRAIN_ARGS = ['--format', 'sessions', '--no-tune', '--param', 'selfWeight=0', '--quiet'];

/** Options of {@link ensureModel}. */
export interface ModelBuildOptions {
  /** The model to write (default `examples/storefront/data/model.slrm`). */
  file?: string;
  /** The built SDK: the trainer is `<distDir>/bin/sightline-train.js`. */
  distDir: string;
  /** Progress lines (start.ts prints them). */
  log?: (line: string) => void;
}

/** What {@link ensureModel} found or did. */
export type ModelStatus =
  | { ok: true; file: string; version: string; built: boolean; ms: number }
  | { ok: false; file: string; reason: string };

// One build per file per process, shared by every storefront started in it.
const builds = new Map<string, Promise<ModelStatus>>();

/**
 * Makes sure the storefront's model exists and matches the catalog and the generator:
 * otherwise writes the simulated sessions and trains them with the real `sightline-train`
 * bin (from `npm run build`) — a few seconds. Never rejects.
 */
export function ensureModel(o: ModelBuildOptions): Promise<ModelStatus> {
  const file = o.file ?? DEFAULT_MODEL_FILE;
  let build = builds.get(file);
  if (!build) {
    build = buildIfStale(file, o).catch((error: unknown) => ({ ok: false as const, file, reason: String((error as Error).message ?? error) }));
    builds.set(file, build);
    // A failure is not remembered: the next storefront (say, after `npm run build`) tries again.
    void build.then((status) => status.ok || builds.delete(file));
  }
  return build;
}

async function buildIfStale(file: string, o: ModelBuildOptions): Promise<ModelStatus> {
  const catalog = await loadCatalog();
  const version = `storefront-${createHash('sha256').update(JSON.stringify([GENERATOR_VERSION, SESSIONS, TRAIN_ARGS, catalog])).digest('hex').slice(0, 10)}`;
  if (existsSync(file) && (await builtVersion(file)) === version) return { ok: true, file, version, built: false, ms: 0 };
  const trainer = join(o.distDir, 'bin', 'sightline-train.js');
  if (!existsSync(trainer)) return { ok: false, file, reason: `${trainer} is missing: run \`npm run build\`` };
  o.log?.(`recommendations: training the storefront model (${SESSIONS.count} simulated sessions)…`);
  const t0 = performance.now();
  await mkdir(dirname(file), { recursive: true });
  // Private names, then renames: several storefronts (test runs) may build at once.
  const tmp = `${file}.${process.pid}.${Date.now()}`;
  try {
    await writeFile(`${tmp}.sessions.txt`, sessionFile(generateSessions(catalog, SESSIONS)));
    await promisify(execFile)(process.execPath, [trainer, `${tmp}.sessions.txt`, '-o', `${tmp}.slrm`, '--model-version', version, ...TRAIN_ARGS]);
    await rename(`${tmp}.slrm`, file);
    await rename(`${tmp}.sessions.txt`, join(dirname(file), 'sessions.txt')); // kept for QA to read
    // The report names the private files: point it at the final ones.
    const report = JSON.parse(await readFile(`${tmp}.slrm.report.json`, 'utf8')) as Record<string, unknown>;
    await writeFile(`${file}.report.json`, `${JSON.stringify({ ...report, input: join(dirname(file), 'sessions.txt'), output: [file] }, null, 2)}\n`);
  } finally {
    await Promise.all([`${tmp}.sessions.txt`, `${tmp}.slrm`, `${tmp}.slrm.report.json`].map((f) => rm(f, { force: true })));
  }
  const ms = Math.round(performance.now() - t0);
  o.log?.(`recommendations: model ${version} written to ${file} in ${ms} ms`);
  return { ok: true, file, version, built: true, ms };
}

/** The version in the trainer's report next to the model, if any. */
async function builtVersion(file: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(`${file}.report.json`, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
