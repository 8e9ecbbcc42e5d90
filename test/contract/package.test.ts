// @vitest-environment node
// What `npm i sightline` gives a front-end developer: the packed tarball installed into a
// scratch project resolves through the "exports" map, type-checks, imports as ESM and CJS.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
let scratch: string;
let packed: string[];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sightline-consumer-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], root)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info!.files.map((f) => f.path);
  const installed = join(scratch, 'node_modules', 'sightline');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', join(scratch, info!.filename), '-C', installed, '--strip-components=1'], scratch);
  // The runtime dependencies, as npm would install them beside the package.
  for (const dep of ['idb-keyval', 'web-vitals']) symlinkSync(resolve('node_modules', dep), join(scratch, 'node_modules', dep));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the build, types, licence and docs, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/esm/index.js', 'dist/cjs/index.cjs', 'dist/types/index.d.ts', 'dist/sightline.iife.js']));
    expect(packed.filter((file) => /^(src|test|bench|examples)\//.test(file))).toEqual([]);
  });

  it('ships no chunk that no module imports (a stale build would leave orphans behind)', () => {
    const dir = join(scratch, 'node_modules', 'sightline');
    const code = packed.filter((file) => /\.c?js$/.test(file)).map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);
    const orphans = code
      .filter(([file]) => file.includes('/chunks/'))
      .filter(([file]) => !code.some(([other, text]) => other !== file && text.includes(basename(file))));
    expect(orphans.map(([file]) => file)).toEqual([]);
  });

  it.each(['bundler', 'nodenext'])('type-checks a consumer with moduleResolution %s', (resolution) => {
    writeFileSync(
      join(scratch, 'consumer.ts'),
      [
        "import { createSightline, collector, type SightlineEvent } from 'sightline';",
        "const client = createSightline({ writeKey: 'k', plugins: [collector({ endpoint: 'https://c.example' })] });",
        "client.track('Product Viewed', { product_id: 'p1' });",
        "client.on('event', (event: SightlineEvent) => event.messageId.toUpperCase());",
        '// @ts-expect-error: an event name must be a string',
        'client.track(42);',
        'export {};',
      ].join('\n'),
    );
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
    const output = (() => {
      try {
        return run(process.execPath, [tsc, '--noEmit', '--strict', '--module', module, '--moduleResolution', resolution, '--target', 'es2020', '--lib', 'es2020,dom', 'consumer.ts'], scratch);
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(output).toBe('');
  });

  // A shop's build copies them to its own origin, and a bundler finds them through the package.
  it('resolves the script tag and both add-ons it loads from beside itself', () => {
    const files = ['sightline.iife.js', 'sightline-vitals.iife.js', 'sightline-errors.iife.js'];
    const resolved = run(process.execPath, ['-e', `for (const f of ${JSON.stringify(files)}) console.log(require.resolve('sightline/' + f))`], scratch);
    expect(resolved.trim().split('\n').map((path) => basename(path))).toEqual(files);
  });

  it('type-checks numeric ids, which identify() and alias() take as strings', () => {
    writeFileSync(join(scratch, 'ids.ts'), ["import { createSightline } from 'sightline';", 'const client = createSightline({});', 'client.identify(42, { plan: "pro" });', 'client.alias(43, 42);', 'export {};'].join('\n'));
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const output = (() => {
      try {
        return run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2020', '--lib', 'es2020,dom', 'ids.ts'], scratch);
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(output).toBe('');
  });

  it('imports as ESM and requires as CJS with the same exports', () => {
    const esm = run(process.execPath, ['--input-type=module', '-e', "import * as m from 'sightline'; console.log(Object.keys(m).sort().join())"], scratch);
    const cjs = run(process.execPath, ['-e', "console.log(Object.keys(require('sightline')).sort().join())"], scratch);
    expect(esm.trim()).toBe(cjs.trim());
    expect(esm).toContain('createSightline');
  });

  it('lists exactly the public subpaths in its exports map', () => {
    const pkg = JSON.parse(run(process.execPath, ['-p', "JSON.stringify(require('./node_modules/sightline/package.json').exports)"], scratch));
    for (const [subpath, target] of Object.entries(pkg as Record<string, unknown>)) {
      if (typeof target !== 'object') continue;
      expect(Object.keys(target as object)[0], `${subpath}: "types" must come first`).toBe('types');
    }
    expect(readdirSync(join(scratch, 'node_modules', 'sightline', 'dist'))).toEqual(expect.arrayContaining(['esm', 'cjs', 'types']));
  });
});
