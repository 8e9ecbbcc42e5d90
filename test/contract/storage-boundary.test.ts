// @vitest-environment node
// DESIGN.md: storage/ is the only code touching cookies, localStorage, sessionStorage and
// IndexedDB, so consent and fallbacks are enforced in one place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listSources } from '../utils/contract-imports';

const STORAGE_APIS = /\b(document\.cookie|localStorage|sessionStorage|indexedDB|idb-keyval)\b/;

describe('storage access', () => {
  it('happens only inside src/storage/', () => {
    const offenders = listSources('src')
      .filter((file) => !file.startsWith('src/storage/') && !file.startsWith('src/node/') && file !== 'src/types.ts')
      .filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && STORAGE_APIS.test(line)));
    expect(offenders).toEqual([]);
  });
});
