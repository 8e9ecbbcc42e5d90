// Builds every public entry as ESM + CJS (with source maps), the minified IIFE for the
// script tag, and the trainer bin. esbuild only transpiles; `tsc -p tsconfig.build.json`
// type-checks and writes the declarations (TypeScript 7 has no JS API for a rollup plugin).
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild, { minify as esbuildMinify } from 'rollup-plugin-esbuild';

/** Public subpaths: package.json "exports" key → source entry. */
export const ENTRIES = {
  index: 'src/index.ts',
  'capture/index': 'src/capture/index.ts',
  'recommend/index': 'src/recommend/index.ts',
};

// Features land one issue at a time; build the ones that exist.
const input = Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => existsSync(file)));

// Browsers we support: the last ~5 years (ES2019 syntax); newer syntax is lowered.
const TARGET = 'es2019';
const transpile = () => esbuild({ target: TARGET, tsconfig: 'tsconfig.json' });

// Runtime dependencies stay imports in the ESM/CJS builds, so the user's bundler
// de-duplicates them; the IIFE inlines them.
const isDependency = (id) => /^(idb-keyval|web-vitals)(\/|$)/.test(id) || id.startsWith('node:');

// The IIFE is minified twice: esbuild's syntax-level minifier first, then terser's
// compressor and mangler over its output — ~1 KB brotli smaller than either alone on this
// code. Property names are never mangled, so the event schema is never renamed.
const minify = () => [
  esbuildMinify({ target: TARGET }),
  terser({
    ecma: 2019,
    compress: { passes: 2, pure_getters: true },
    format: { comments: false },
  }),
];

const library = ['esm', 'cjs'].map((format) => ({
  input,
  external: isDependency,
  plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), transpile()],
  output: {
    dir: `dist/${format}`,
    format,
    sourcemap: true,
    entryFileNames: format === 'esm' ? '[name].js' : '[name].cjs',
    chunkFileNames: format === 'esm' ? 'chunks/[name]-[hash].js' : 'chunks/[name]-[hash].cjs',
    exports: 'named',
    // The numbers of the core, the transport and capture in chunks without imports: esbuild
    // (the user's bundler, as size-limit measures) inlines top-level number constants only
    // from such a module, and merged into index.js or capture/index.js they stayed variables
    // (about −50 B for ".", −13 B for the core, −75 B for `autocapture()`).
    manualChunks: (id) =>
      /\/src\/(core|transport)\/constants\.ts$/.test(id) ? 'constants' : id.endsWith('/src/capture/constants.ts') ? 'capture-constants' : undefined,
  },
  treeshake: { moduleSideEffects: false },
}));

// The script tag's file, and the add-ons it loads beside itself after boot.
const iife = [
  ['src/browser/index.ts', 'dist/sightline.iife.js'],
  ['src/browser/vitals-addon.ts', 'dist/sightline-vitals.iife.js'],
  ['src/browser/errors-addon.ts', 'dist/sightline-errors.iife.js'],
].map(([input, file]) => ({
  input,
  plugins: [nodeResolve({ extensions: ['.ts', '.js'], browser: true }), transpile()],
  output: { file, format: 'iife', sourcemap: true, plugins: minify() },
}));

const bin = existsSync('src/node/cli.ts')
  ? [
      {
        input: 'src/node/cli.ts',
        external: (id) => id.startsWith('node:'),
        plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'node24', tsconfig: 'tsconfig.json' })],
        output: { file: 'dist/bin/sightline-train.js', format: 'esm', banner: '#!/usr/bin/env node', sourcemap: true },
      },
    ]
  : [];

export default [...library, ...iife, ...bin];
