import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../src/recommend/decode';
import { byteReader } from '../../src/recommend/format/byte-reader';
import { byteWriter } from '../../src/recommend/format/byte-writer';
import { crc32 } from '../../src/recommend/format/crc32';
import { encodeModel } from '../../src/recommend/format/encode-model';
import { readSessions, writeSessions } from '../../src/recommend/format/sessions';
import { fixtureInput, sampleSessions } from '../utils/recommend-fixture';

describe('model format', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32 - 1])('round-trips varint %i', (n) => {
    const w = byteWriter(1);
    w.varint(n);
    expect(byteReader(w.finish()).varint()).toBe(n);
  });

  it('round-trips sessions with repeated items through back-references', () => {
    const offsets = Int32Array.from([0, 6, 8, 8 + 12]);
    const items = Int32Array.from([5, 9, 5, 5, 300, 9, 70_000, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
    const w = byteWriter(8);
    writeSessions(w, { offsets, items });
    const back = readSessions(byteReader(w.finish()), 3, 70_001);
    expect(Array.from(back.items)).toEqual(Array.from(items));
    expect(Array.from(back.offsets)).toEqual(Array.from(offsets));
  });

  it('decodes what it encodes: ids, popularity, sessions and parameters', () => {
    const input = fixtureInput(sampleSessions(), { neighbours: 123 });
    const r = decodeModel(encodeModel(input));
    if (!('model' in r)) throw new Error(r.error.message);
    const { model } = r;
    expect(model.meta).toMatchObject({ version: 'fixture-1', formatVersion: 1, itemCount: input.ids.length, sessionCount: input.sessions.offsets.length - 1, sharded: false });
    expect(model.params.neighbours).toBe(123);
    expect(Array.from(model.popularity)).toEqual(Array.from(input.popularity));
    expect(input.ids.every((id, i) => model.ids.idOf(i) === id && model.ids.indexOf(id) === i)).toBe(true);
    expect(Array.from(model.store.session(7))).toEqual(Array.from(input.sessions.items.subarray(input.sessions.offsets[7], input.sessions.offsets[8])));
  });

  it('keeps the default of a parameter the file gives a value that cannot score (a decay of 0, a share above 1)', () => {
    const input = fixtureInput(sampleSessions(), { sessionDecay: 0, afterDecay: -1, transitionWeight: 2, timeDecay: 0 });
    const r = decodeModel(encodeModel(input));
    if (!('model' in r)) throw new Error(r.error.message);
    expect(r.model.params).toMatchObject({ sessionDecay: 1.5, afterDecay: 2, transitionWeight: 0.35, timeDecay: 0 });
  });

  it('keeps non-numeric item ids as strings', () => {
    const r = decodeModel(encodeModel(fixtureInput([['sku-a', 'sku-b'], ['sku-b', 'chaussure-été', 'sku-a']])));
    if (!('model' in r)) throw new Error(r.error.message);
    expect(['sku-a', 'sku-b', 'chaussure-été'].map((id) => r.model.ids.idOf(r.model.ids.indexOf(id)))).toEqual(['sku-a', 'sku-b', 'chaussure-été']);
  });

  it('numbers items by popularity, most clicked first', () => {
    const r = decodeModel(encodeModel(fixtureInput([['1', '2'], ['2', '3'], ['2', '3'], ['4', '2']])));
    if (!('model' in r)) throw new Error(r.error.message);
    expect([0, 1].map((i) => r.model.ids.idOf(i))).toEqual(['2', '3']);
    expect(Array.from(r.model.popularity)).toEqual([4, 2, 1, 1]);
  });
});
