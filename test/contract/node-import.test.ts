// @vitest-environment node
// Every built entry can be imported on a server (SSR, Node tooling) and does nothing at
// import: no throw, no read of window/document/storage. Runs against dist/ (npm run build).
import { describe, expect, it } from 'vitest';
import { builtEntries, importInPlainNode } from '../utils/contract-dist';

const entries = builtEntries();

describe('built entries in plain Node', () => {
  it('covers every public subpath', () => {
    expect(entries.map((e) => e.subpath)).toContain('.');
  });

  it.each(entries.map((e) => [e.subpath, e.esm] as const))('imports %s (ESM) without throwing or touching browser globals', (_, file) => {
    expect(importInPlainNode(file, 'import')).toEqual({ ok: true, touched: [] });
  });

  it.each(entries.map((e) => [e.subpath, e.cjs] as const))('requires %s (CJS) without throwing or touching browser globals', (_, file) => {
    expect(importInPlainNode(file, 'require')).toEqual({ ok: true, touched: [] });
  });

  it('loads the script-tag IIFE in Node without throwing', () => {
    const result = importInPlainNode(`${process.cwd()}/dist/sightline.iife.js`, 'require');
    expect(result.ok).toBe(true);
  });
});
