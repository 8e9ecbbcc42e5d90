// @vitest-environment node
// The one dependency rule of DESIGN.md, checked over the real import graph so a wrong
// import fails the build instead of waiting for review:
//   lib ← storage ← core ← {transport, capture, fingerprint, session, recommend, experiments} ← entries
// `import type` / `export type` are free: they vanish at build time.
import { describe, expect, it } from 'vitest';
import { collectImports, layerOf, FEATURES, type ImportEdge } from '../utils/contract-imports';

const edges = collectImports('src');

function violations(rule: (edge: ImportEdge) => boolean): string[] {
  return edges.filter((edge) => !edge.typeOnly && rule(edge)).map((e) => `${e.from} → ${e.to}`);
}

describe('the import graph of src/', () => {
  it('finds the modules it checks', () => {
    expect(edges.length).toBeGreaterThan(10);
  });

  it('never imports upward: lib ← storage ← core ← features ← entries', () => {
    expect(violations((e) => e.toLayer !== undefined && e.fromLayer !== undefined && e.toLayer.rank > e.fromLayer.rank)).toEqual([]);
  });

  it('never imports one feature folder from another', () => {
    expect(
      violations((e) => FEATURES.has(e.fromLayer?.name ?? '') && FEATURES.has(e.toLayer?.name ?? '') && e.fromLayer?.name !== e.toLayer?.name),
    ).toEqual([]);
  });

  it('keeps lib free of dependencies other than lib', () => {
    expect(violations((e) => e.fromLayer?.name === 'lib' && (e.external || e.toLayer?.name !== 'lib'))).toEqual([]);
  });

  it('classifies every source folder', () => {
    const unknown = edges.filter((e) => !e.fromLayer).map((e) => e.from);
    expect([...new Set(unknown)]).toEqual([]);
    expect(layerOf('src/capture/clicks.ts')?.name).toBe('capture');
  });
});
