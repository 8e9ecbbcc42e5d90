import { afterEach, describe, expect, it, vi } from 'vitest';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('uuid', () => {
  it('makes RFC 4122 version-4 ids, unique across many blocks of pooled randomness', async () => {
    const { uuid } = await import('../../src/lib/uuid');
    const ids = Array.from({ length: 5000 }, uuid);
    expect(ids.every((id) => V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws random bytes in blocks, not once per id', async () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const { uuid } = await import('../../src/lib/uuid');
    for (let i = 0; i < 512; i++) uuid();
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('still makes valid, distinct ids without crypto', async () => {
    vi.stubGlobal('crypto', undefined);
    const { uuid } = await import('../../src/lib/uuid');
    const ids = Array.from({ length: 1000 }, uuid);
    expect(ids.every((id) => V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
