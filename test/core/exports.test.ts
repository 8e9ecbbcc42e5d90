import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';

const codes = [core.INPUT_ERRORS, core.CONSENT_ERRORS, core.PLUGIN_ERRORS, core.CALLBACK_ERRORS, core.CORE_ERRORS].flatMap((table) => Object.values(table));

describe('the public face of the core', () => {
  it('exports exactly the client factory, the version, the consent categories and the error codes', () => {
    expect(Object.keys(core).sort()).toEqual([
      'CALLBACK_ERRORS',
      'CONSENT_CATEGORIES',
      'CONSENT_ERRORS',
      'CORE_ERRORS',
      'INPUT_ERRORS',
      'PLUGIN_ERRORS',
      'VERSION',
      'createSightline',
    ]);
  });

  it('takes VERSION from package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(core.VERSION).toBe(pkg.version);
  });

  it('names every error code area/what-happened, once', () => {
    for (const code of codes) expect(code).toMatch(/^(input|consent|plugin|callback|core)\/[a-z]+(-[a-z]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents every error code in docs/errors.md, and no other code in its sections', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    for (const code of codes) expect(doc).toContain('`' + code + '`');
    const documented = [...doc.matchAll(/^\| `((?:input|consent|plugin|callback|core)\/[a-z-]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...codes].sort());
  });
});
