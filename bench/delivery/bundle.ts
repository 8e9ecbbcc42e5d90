import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The script-tag bundle the bench loads, and where it came from. */
export interface Bundle {
  code: string;
  source: string;
}

// The script-tag entry reduced to what the bench needs, for when src/browser/ cannot be
// bundled yet: window.sightline is the client plus the collector's stats().
const entry = (plugins: string): string => `
import { createSightline } from './src/core/index.ts';
import { collector } from './src/transport/index.ts';
const data = document.currentScript.dataset;
const transport = collector({ endpoint: data.endpoint });
const client = createSightline({ writeKey: data.writeKey, plugins: ${plugins} });
window.sightline = { ...client, stats: () => transport.stats() };
`;
const MINIMAL_ENTRY = entry('[transport]');

/** The core with no destination at all: what track() costs before the transport. */
export async function coreOnlyBundle(): Promise<Bundle> {
  const { build } = await import('esbuild');
  const out = await build({ bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, stdin: { contents: entry('[]'), resolveDir: root, loader: 'ts' } });
  return { code: out.outputFiles[0]!.text, source: 'createSightline alone (no plugin), bundled by the bench' };
}

/**
 * `dist/sightline.iife.js` when the build made it (unless BENCH_FROM_SRC is set); otherwise the script-tag entry
 * (`src/browser/index.ts`) bundled here with esbuild, minified; and if that entry does not
 * build yet, the core and the collector alone. The bench runs before the first build.
 */
export async function loadBundle(): Promise<Bundle> {
  const dist = `${root}dist/sightline.iife.js`;
  // BENCH_FROM_SRC=1 measures the working tree instead of the last build.
  if (existsSync(dist) && !process.env.BENCH_FROM_SRC) return { code: readFileSync(dist, 'utf8'), source: 'dist/sightline.iife.js' };
  const { build } = await import('esbuild');
  const options = { bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, logLevel: 'silent' } as const;
  try {
    const out = await build({ ...options, entryPoints: [`${root}src/browser/index.ts`] });
    return { code: out.outputFiles[0]!.text, source: 'src/browser/index.ts, bundled by the bench from the working tree' };
  } catch {
    const out = await build({ ...options, stdin: { contents: MINIMAL_ENTRY, resolveDir: root, loader: 'ts' } });
    return { code: out.outputFiles[0]!.text, source: 'createSightline + collector, bundled by the bench (src/browser/ not buildable)' };
  }
}
