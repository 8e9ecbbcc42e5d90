import { decodeModel } from '../../src/recommend/decode';
import { encodeModel } from '../../src/recommend/format/encode-model';
import type { KnnParams } from '../../src/recommend/knn/params';
import type { Model } from '../../src/recommend/model/model';
import { fixtureInput } from './recommend-fixture';

/** Encodes `sessions` as a model file and decodes it with the browser decoder. */
export function modelOf(sessions: readonly (readonly string[])[], params: Partial<KnnParams> = {}): Model {
  const r = decodeModel(encodeModel(fixtureInput(sessions, params)));
  if ('error' in r) throw new Error(r.error.message);
  return r.model;
}

/** The item ids of a ranking, in order. */
export const idsOf = (model: Model, ranked: readonly { index: number }[]): string[] => ranked.map((r) => model.ids.idOf(r.index));

/** Flips one bit of a copy of `bytes` at `at` (negative counts from the end). */
export function flipBit(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  const i = at < 0 ? copy.length + at : at;
  copy[i] = copy[i]! ^ 0x01;
  return copy;
}
