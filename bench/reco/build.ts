import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repo root and the bench's scratch folder (git-ignored). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORK = `${ROOT}.tmp/bench-reco/`;

/** What the bench runs: the trainer bin, and the browser's decoder + scorer. */
export interface Built {
  trainer: string;
  trainerSource: string;
  /** ESM module of `sightline/recommend`, imported in Node. */
  module: string;
  /** The same entry as an IIFE (`window.SightlineRecommend`) for Chromium. */
  iife: string;
  moduleSource: string;
}

const DIST_TRAINER = 'dist/bin/sightline-train.js';
const DIST_MODULES = ['dist/esm/recommend/index.js', 'dist/esm/recommend.js'];

/**
 * Uses the built package when present (dist/), else bundles src/ with esbuild, minified,
 * exactly as a shop would ship it: the model is read by the browser's own decoder.
 */
export async function buildAll(): Promise<Built> {
  mkdirSync(WORK, { recursive: true });
  const { build } = await import('esbuild');
  const common = { bundle: true, write: false, logLevel: 'silent', target: 'es2020' } as const;
  let trainer = `${ROOT}${DIST_TRAINER}`;
  let trainerSource = DIST_TRAINER;
  if (!fresh(trainer)) {
    const out = await build({ ...common, entryPoints: [`${ROOT}src/node/cli.ts`], platform: 'node', format: 'esm', target: 'node24' });
    trainer = `${WORK}sightline-train.mjs`;
    writeFileSync(trainer, out.outputFiles[0]!.text);
    trainerSource = 'src/node/cli.ts bundled by the bench (no dist/bin)';
  }
  const dist = DIST_MODULES.find((p) => fresh(`${ROOT}${p}`));
  let module = dist ? `${ROOT}${dist}` : `${WORK}recommend.mjs`;
  const entry = dist ? module : `${ROOT}src/recommend/index.ts`;
  if (!dist) {
    const out = await build({ ...common, entryPoints: [entry], platform: 'browser', format: 'esm', minify: true });
    writeFileSync(module, out.outputFiles[0]!.text);
  }
  const iife = await build({ ...common, entryPoints: [entry], platform: 'browser', format: 'iife', globalName: 'SightlineRecommend', minify: true });
  writeFileSync(`${WORK}recommend.iife.js`, iife.outputFiles[0]!.text);
  module = pathToFileURL(module).href;
  return { trainer, trainerSource, module, iife: `${WORK}recommend.iife.js`, moduleSource: dist ?? 'src/recommend/index.ts bundled by the bench (minified, browser platform)' };
}

// A dist file older than the sources it is built from would measure yesterday's code.
function fresh(path: string): boolean {
  if (!existsSync(path)) return false;
  const built = statSync(path).mtimeMs;
  return ['src/recommend', 'src/node', 'src/storage'].every((dir) => newest(`${ROOT}${dir}`) <= built);
}

function newest(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(`${e.parentPath}/${e.name}`).mtimeMs), 0);
}
