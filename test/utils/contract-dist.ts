import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Public subpaths and their built files, as package.json "exports" maps them. */
export function builtEntries(): Array<{ subpath: string; esm: string; cjs: string }> {
  const pkg = JSON.parse(execFileSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json").exports)']).toString()) as Record<
    string,
    { import?: string; require?: string } | string
  >;
  return Object.entries(pkg)
    .filter(([, target]) => typeof target === 'object' && target.import)
    .map(([subpath, target]) => {
      const t = target as { import: string; require: string };
      return { subpath, esm: resolve(t.import), cjs: resolve(t.require) };
    });
}

// Globals a module must not read while it is being imported: reading them means it does
// work at load, which breaks SSR and `sideEffects: false`.
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'history'];

/**
 * Imports `file` in a fresh plain-Node process (no DOM) whose browser globals are traps,
 * and returns what happened: `{ ok, touched: string[], error? }`.
 */
export function importInPlainNode(file: string, kind: 'import' | 'require'): { ok: boolean; touched: string[]; error?: string } {
  const script = `
    const touched = new Set();
    for (const name of ${JSON.stringify(BROWSER_GLOBALS)}) {
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.add(name); return undefined; } });
    }
    const done = (ok, error) => process.stdout.write(JSON.stringify({ ok, touched: [...touched], error }));
    ${kind === 'import' ? `import(${JSON.stringify(file)}).then(() => done(true), (e) => done(false, String(e)));` : `try { require(${JSON.stringify(file)}); done(true); } catch (e) { done(false, String(e)); }`}
  `;
  if (!existsSync(file)) return { ok: false, touched: [], error: `missing ${file}; run npm run build` };
  return JSON.parse(execFileSync(process.execPath, ['-e', script]).toString());
}
