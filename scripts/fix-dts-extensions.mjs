#!/usr/bin/env node
// Rewrites relative imports in the emitted declarations (dist/types) to explicit `.js`
// paths. Sources use extensionless imports (bundler resolution), but TypeScript consumers
// with `moduleResolution: node16/nodenext` need full specifiers in ESM declaration files.
// TypeScript 7 has no API for a declaration-bundling plugin, so this small pass does it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = process.argv[2] ?? 'dist/types';
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarations(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarations(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const base = join(dirname(file), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${file}: cannot resolve "${specifier}"`);
}

let changed = 0;
for (const file of declarations(ROOT)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`);
  if (next !== text) {
    writeFileSync(file, next);
    changed++;
  }
}
console.log(`fix-dts-extensions: ${changed} declaration files now use explicit .js specifiers`);
