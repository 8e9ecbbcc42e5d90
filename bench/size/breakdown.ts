// Size breakdown: what each public import costs a user's bundle (minified + brotli), and
// which source folders the bytes come from. The budgets themselves are enforced by
// size-limit (`npm run size`); this explains them. Prints a table, writes JSON.
//   node bench/size/breakdown.ts
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const IMPORTS: Record<string, string> = {
  'createSightline (core)': `import { createSightline } from './src/index'; createSightline({});`,
  'createSightline + collector': `import { createSightline, collector } from './src/index'; createSightline({ plugins: [collector({ endpoint: '/e' })] });`,
  'capture: autocapture()': `import { autocapture } from './src/capture'; autocapture();`,
  'capture: pageviews': `import { pageviews } from './src/capture'; pageviews();`,
  'capture: clicks': `import { clicks } from './src/capture'; clicks();`,
  'capture: forms': `import { forms } from './src/capture'; forms();`,
  'capture: engagement': `import { engagement } from './src/capture'; engagement();`,
  'capture: commerce': `import { commerce } from './src/capture'; commerce();`,
  'capture: vitals': `import { vitals } from './src/capture'; vitals();`,
  'capture: context': `import { context } from './src/capture'; context();`,
  'recommend (all)': `export * from './src/recommend';`,
};

type Row = { import: string; minified: number; gzip: number; brotli: number; byFolder: Record<string, number> };

// The script-tag entry runs at load, so it is bundled as an entry point rather than
// imported (the package's `sideEffects: false` would let esbuild drop the import).
const ENTRY_POINTS: Record<string, string> = { 'script tag (IIFE)': 'src/browser/index.ts' };

async function measure(name: string, contents: string | undefined, entry?: string): Promise<Row> {
  const result = await build({
    ...(entry ? { entryPoints: [entry] } : { stdin: { contents: contents!, resolveDir: process.cwd(), loader: 'ts' as const } }),
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2019',
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const byFolder: Record<string, number> = {};
  for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const folder = file.split('/').slice(0, 2).join('/');
    byFolder[folder] = (byFolder[folder] ?? 0) + info.bytesInOutput;
  }
  return { import: name, minified: code.length, gzip: gzipSync(code).length, brotli: brotliCompressSync(code).length, byFolder };
}

const rows: Row[] = [];
for (const [name, contents] of Object.entries(IMPORTS)) rows.push(await measure(name, contents));
for (const [name, entry] of Object.entries(ENTRY_POINTS)) rows.push(await measure(name, undefined, entry));

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
console.table(
  rows.map((r) => ({
    import: r.import,
    minified: kb(r.minified),
    brotli: kb(r.brotli),
    'largest folders (minified bytes)': Object.entries(r.byFolder)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([folder, bytes]) => `${folder.replace(/^src\//, '')} ${bytes}`)
      .join(', '),
  })),
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/size.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
