import { describe, expect, it } from 'vitest';
import { createSanitizer, type Scan } from '../../src/core/sanitize';

const limits = { maxStringLength: 30, maxDepth: 3, maxEventBytes: 32768 };
const clean = createSanitizer(limits, (s) => s);
// The issues by the codes they are reported with (`input/` + what the scan notes).
const run = (value: unknown): { out: unknown; issues: Record<string, string> } => {
  const scan: Scan = { issues: {}, bytes: 0 };
  const out = clean(value, scan, 'properties');
  return { out, issues: Object.fromEntries(Object.entries(scan.issues).map(([what, path]) => ['input/' + what, path])) };
};

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;
const throwing = Object.defineProperty({ ok: 1 }, 'bad', { enumerable: true, get: () => { throw new Error('getter'); } });
class Money {
  constructor(private readonly cents: number) {}
  toJSON(): string {
    return `${this.cents / 100} EUR`;
  }
}
const div = document.createElement('div');
const shared = { x: 1 };

describe('the sanitizer', () => {
  it.each([
    ['a plain object', { a: 1, b: 'x', c: [true, null] }, { a: 1, b: 'x', c: [true, null] }, undefined],
    ['a circular reference', circular, { a: 1, self: '[Circular]' }, ['input/circular', 'properties.self']],
    ['a BigInt', { n: 10n ** 20n }, { n: '100000000000000000000' }, ['input/bigint', 'properties.n']],
    ['a function', { f: () => 1, k: 1 }, { k: 1 }, ['input/function', 'properties.f']],
    ['a symbol', { s: Symbol('x'), k: 1 }, { k: 1 }, ['input/symbol', 'properties.s']],
    ['a function in an array', { l: [1, () => 1] }, { l: [1, null] }, ['input/function', 'properties.l.1']],
    ['a DOM node', { el: div }, { el: 'DIV' }, ['input/dom-node', 'properties.el']],
    ['NaN', { n: NaN }, { n: null }, ['input/not-finite', 'properties.n']],
    ['Infinity', { n: -Infinity }, { n: null }, ['input/not-finite', 'properties.n']],
    ['a Date', { d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }, undefined],
    ['an invalid Date', { d: new Date(NaN) }, { d: null }, undefined],
    // Maps, Sets and typed arrays take the shape JSON.stringify gives them, as peers send them.
    ['a Map', { m: new Map<unknown, unknown>([['a', 1], [2, 'b']]) }, { m: {} }, undefined],
    ['a Set', { s: new Set([1, 2]) }, { s: {} }, undefined],
    ['a typed array', { t: new Uint8Array([1, 2]) }, { t: { 0: 1, 1: 2 } }, undefined],
    ['a class with toJSON', { price: new Money(1250) }, { price: '12.5 EUR' }, undefined],
    ['a throwing getter', throwing, { ok: 1 }, ['input/unreadable', 'properties.bad']],
    ['a long string', { s: 'x'.repeat(40) }, { s: 'x'.repeat(30) + '…' }, ['input/string-truncated', 'properties.s']],
    ['nesting past maxDepth', { a: { b: { c: { d: 1 } }, k: 2 } }, { a: { b: {}, k: 2 } }, ['input/too-deep', 'properties.a.b.c']],
    ['undefined values', { u: undefined, k: 1 }, { k: 1 }, undefined],
    ['an object seen twice (not circular)', { a: shared, b: shared }, { a: { x: 1 }, b: { x: 1 } }, undefined],
  ])('repairs %s', (_name, input, expected, issue) => {
    const { out, issues } = run(input);
    expect(out).toEqual(expected);
    expect(Object.entries(issues)).toEqual(issue ? [issue] : []);
  });

  it('keeps an own "__proto__" key as data, without touching the prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "k": 1}') as object;
    const { out } = run(input);
    expect(Object.keys(out as object)).toEqual(['__proto__', 'k']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('notes each problem once, at its first path', () => {
    const { issues } = run({ a: () => 1, b: () => 2, c: NaN });
    expect(issues).toEqual({ 'input/function': 'properties.a', 'input/not-finite': 'properties.c' });
  });

  it('stops walking a huge sparse array at the size cap', () => {
    const huge = new Array(1e9);
    const started = performance.now();
    const { issues } = run({ huge });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(issues['input/too-large']).toBe('properties.huge');
  });

  it('replaces the value when toJSON throws', () => {
    const { out, issues } = run({ bad: { toJSON: () => { throw new Error('x'); } }, k: 1 });
    expect(out).toEqual({ k: 1 });
    expect(issues).toEqual({ 'input/unreadable': 'properties.bad' });
  });

  it('cuts a toJSON that returns itself', () => {
    const selfish = { toJSON(): unknown { return this; } };
    const { out, issues } = run({ selfish });
    expect(out).toEqual({ selfish: '[Circular]' });
    expect(issues).toEqual({ 'input/circular': 'properties.selfish' });
  });
});
