import { afterEach, describe, expect, it } from 'vitest';
import { stringifyJson, toJson } from '../../src/lib/safe-json';
import { addPrototypeJsToJson } from '../utils/prototype-js';

const value = { products: [{ id: 'p1', tags: ['a', 'b'] }, { id: 'p2', tags: [] }], at: new Date(0), n: [[1, 2], [3]], s: 'x' };
const expected = '{"products":[{"id":"p1","tags":["a","b"]},{"id":"p2","tags":[]}],"at":"1970-01-01T00:00:00.000Z","n":[[1,2],[3]],"s":"x"}';

describe('toJson', () => {
  let undo = (): void => {};
  afterEach(() => undo());

  it('writes what JSON.stringify writes', () => {
    expect(toJson(value)).toBe(JSON.stringify(value));
    expect(toJson(value)).toBe(expected);
  });

  it('writes lists as lists on a page whose Prototype.js gave Array.prototype a toJSON', () => {
    undo = addPrototypeJsToJson();
    expect(JSON.stringify(value)).not.toBe(expected); // the premise: lists become strings
    expect(toJson(value)).toBe(expected);
    expect(toJson([1, ['a']])).toBe('[1,["a"]]');
  });

  it('still calls the toJSON of anything that is not an array', () => {
    undo = addPrototypeJsToJson();
    expect(toJson({ price: { toJSON: () => ['12.5', 'EUR'] } })).toBe('{"price":["12.5","EUR"]}');
  });

  it('throws where JSON.stringify throws; stringifyJson answers undefined then', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJson(cyclic)).toThrow(TypeError);
    expect(stringifyJson(cyclic)).toBeUndefined();
    expect(stringifyJson(['a'])).toBe('["a"]');
  });
});
