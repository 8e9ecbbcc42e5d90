// @vitest-environment node
// DESIGN.md: storage/ is the only code touching cookies, localStorage, sessionStorage and
// IndexedDB, so consent and fallbacks are enforced in one place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listSources } from '../utils/contract-imports';

const STORAGE_APIS = /\b(document\.cookie|localStorage|sessionStorage|indexedDB|idb-keyval)\b/;

/** Source without comments, so prose that names an API does not count as using it. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('storage access', () => {
  it('recognises a storage API used in code', () => {
    expect(STORAGE_APIS.test('const x = window.localStorage;')).toBe(true);
  });

  it('happens only inside src/storage/', () => {
    const offenders = listSources('src')
      .filter((file) => !file.startsWith('src/storage/') && !file.startsWith('src/node/') && file !== 'src/types.ts')
      .filter((file) => STORAGE_APIS.test(code(file)));
    expect(offenders).toEqual([]);
  });
});
