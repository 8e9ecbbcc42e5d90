import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../src/recommend/decode';
import { RECOMMEND_ERRORS } from '../../src/recommend/errors';
import { CRC_OFFSET, CRC_START } from '../../src/recommend/format/constants';
import { crc32 } from '../../src/recommend/format/crc32';
import { encodeModel } from '../../src/recommend/format/encode-model';
import { fixtureInput, sampleSessions } from '../utils/recommend-fixture';
import { flipBit } from '../utils/recommend-model';

const good = encodeModel(fixtureInput(sampleSessions().slice(0, 300)));

// Rewrites the checksum so only the deeper checks can catch what was changed.
function resealed(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(CRC_OFFSET, crc32(bytes, CRC_START), true);
  return bytes;
}

function withVersion(version: number): Uint8Array {
  const copy = good.slice();
  new DataView(copy.buffer).setUint16(4, version, true);
  return copy;
}

const codeOf = (bytes: Uint8Array): string | undefined => {
  const r = decodeModel(bytes);
  return 'error' in r ? r.error.code : undefined;
};

describe('decodeModel on broken files', () => {
  it.each([
    ['an empty file', new Uint8Array(0), RECOMMEND_ERRORS.modelCorrupt],
    ['an HTML error page', new TextEncoder().encode('<!doctype html><title>404</title>'.padEnd(200)), RECOMMEND_ERRORS.modelCorrupt],
    ['a truncated file', good.subarray(0, good.length - 100), RECOMMEND_ERRORS.modelCorrupt],
    ['a header only', good.subarray(0, 40), RECOMMEND_ERRORS.modelCorrupt],
    ['a flipped bit in the sessions', flipBit(good, -50), RECOMMEND_ERRORS.modelCorrupt],
    ['a bad checksum field', flipBit(good, CRC_OFFSET), RECOMMEND_ERRORS.modelCorrupt],
    ['a newer format version', withVersion(2), RECOMMEND_ERRORS.modelVersion],
    ['an older format version', withVersion(0), RECOMMEND_ERRORS.modelVersion],
  ])('reports %s with a stable code, without throwing', (_, bytes, code) => {
    expect(codeOf(bytes)).toBe(code);
  });

  it('says why in the message and detail', () => {
    const r = decodeModel(good.subarray(0, good.length - 1));
    expect(r).toMatchObject({ error: { message: expect.stringContaining('truncated'), detail: { reason: 'truncated' } } });
  });

  it('catches a malformed section even when the checksum was recomputed', () => {
    const bad = good.slice();
    bad.fill(0xff, bad.length - 400, bad.length - 300);
    expect(codeOf(resealed(bad))).toBe(RECOMMEND_ERRORS.modelCorrupt);
  });

  it('never throws on arbitrary damage behind a valid checksum', () => {
    fc.assert(
      fc.property(fc.integer({ min: CRC_START, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const bad = good.slice();
        bad[at] = value;
        const r = decodeModel(resealed(bad));
        expect('model' in r || r.error.code === RECOMMEND_ERRORS.modelCorrupt).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
