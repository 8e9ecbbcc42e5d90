// @vitest-environment node
// DESIGN.md: importing only the core costs only the core. A bundle of
// `import { createSightline } from 'sightline'` must carry no code from the feature folders.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURE_FOLDERS = ['transport', 'capture', 'fingerprint', 'session', 'recommend', 'experiments'];

async function bundle(contents: string, resolveDir: string) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    metafile: true,
    platform: 'browser',
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.values(result.metafile.outputs)[0]?.inputs ?? {} };
}

describe('tree-shaking', () => {
  it('keeps only core code when the sources are bundled for createSightline alone', async () => {
    const { inputs } = await bundle(`import { createSightline } from './src/index'; createSightline({});`, process.cwd());
    const used = Object.entries(inputs).filter(([, info]) => info.bytesInOutput > 0).map(([file]) => file);
    expect(used.some((file) => file.startsWith('src/core/'))).toBe(true);
    expect(used.filter((file) => FEATURE_FOLDERS.some((folder) => file.startsWith(`src/${folder}/`)))).toEqual([]);
    expect(used.filter((file) => file.includes('node_modules'))).toEqual([]);
  });

  it('keeps no feature code when the built package is bundled for createSightline alone', async () => {
    const dist = resolve('dist/esm/index.js');
    const { code } = await bundle(`import { createSightline } from ${JSON.stringify(dist)}; createSightline({});`, process.cwd());
    // Strings that only the transport and capture plugins carry.
    for (const marker of ['sightline-collector', 'sendBeacon', 'Rage Click', 'Web Vitals', 'Recommendation Viewed']) {
      expect(code).not.toContain(marker);
    }
  });

  it('includes the transport when the collector is imported too (the check can fail)', async () => {
    const { inputs } = await bundle(`import { createSightline, collector } from './src/index'; createSightline({ plugins: [collector({ endpoint: '/e' })] });`, process.cwd());
    expect(Object.keys(inputs).some((file) => file.startsWith('src/transport/'))).toBe(true);
  });
});
