// @vitest-environment node
// The TypeScript examples of the README and docs/ are what users copy first: each ```ts block
// must type-check against the declarations the package ships (dist/types, through the
// "exports" map), or the docs have drifted from the API.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
// Inside the package folder, so `import … from 'sightline'` resolves to the package itself.
const scratch = resolve(root, '.tmp', 'doc-snippets');

/** Every ```ts block of the README and docs/*.md, with where it is. */
function snippets(): Array<{ file: string; line: number; code: string }> {
  const files = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  return files.flatMap((file) => {
    const found: Array<{ file: string; line: number; code: string }> = [];
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() !== '```ts') return;
      const end = lines.findIndex((l, j) => j > i && l.trim().startsWith('```'));
      found.push({ file, line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    });
    return found;
  });
}

// What the examples take as already there: the client a shop made, the factories a
// fragment does not import again, and the names that stand for the reader's own code.
const GLOBALS = `import type { SightlineClient } from 'sightline';
declare global {
  const sightline: SightlineClient;
  const createSightline: typeof import('sightline').createSightline;
  const collector: typeof import('sightline').collector;
  const autocapture: typeof import('sightline/capture').autocapture;
  const errors: typeof import('sightline/capture').errors;
  const startCollector: typeof import('../../examples/collector/server.ts').startCollector;
  const tmpDir: string;
  const cmp: { onChange(fn: (choices: { statistics: boolean; marketing: boolean }) => void): void };
  const reportToYourMonitoring: (code: string, message: string) => void;
  const gtag: (command: 'event', name: string, params?: Record<string, unknown>) => void;
}
`;

// The part of Angular's API the Angular example uses (docs/getting-started.md), as Angular
// declares it: the framework is no dependency of ours.
const ANGULAR = `declare module '@angular/core' {
  export class NgZone {
    run<T>(fn: (...args: any[]) => T): T;
    runOutsideAngular<T>(fn: (...args: any[]) => T): T;
  }
  export function inject<T>(token: abstract new (...args: any[]) => T): T;
  export function Injectable(options?: { providedIn?: 'root' | 'platform' | 'any' | null }): (target: abstract new (...args: any[]) => unknown, context: ClassDecoratorContext) => void;
}
`;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the TypeScript examples in the README and docs', () => {
  const found = snippets();

  it('are found (the README and the guides have them)', () => {
    expect(found.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(2);
    expect(new Set(found.map((s) => s.file)).size).toBeGreaterThanOrEqual(8);
  });

  it('type-check against the shipped declarations, each as a module of its own', () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'globals.d.ts'), GLOBALS);
    writeFileSync(join(scratch, 'angular.d.ts'), ANGULAR);
    const names = found.map((s, n) => {
      const name = `${s.file.replace(/[/.]/g, '_')}_${s.line}.ts`;
      // The examples of docs/collector.md import the reference collector as the tests do, from the repository root.
      const code = s.code.replaceAll("'../examples/", "'../../examples/");
      writeFileSync(join(scratch, name), `${code}\nexport {}; // snippet ${n}: ${s.file}:${s.line}\n`);
      return name;
    });
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { noUnusedLocals: false, types: ['node'] },
        include: ['globals.d.ts', 'angular.d.ts', ...names],
      }),
    );
    let output = '';
    try {
      execFileSync(resolve('node_modules', '.bin', 'tsc'), ['-p', join(scratch, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // Names the snippet (README_md_48.ts: README.md, the block opening on line 48) and the error.
    expect(output).toBe('');
  }, 60_000);
});
