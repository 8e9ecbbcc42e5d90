// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GRID, tune } from '../../src/node/tune';
import { DEFAULT_KNN_PARAMS } from '../../src/recommend/knn/params';
import { sampleTarget } from '../utils/recommend-tune';

const start = { ...DEFAULT_KNN_PARAMS, timeDecay: 1.2 };
const gridSize = Object.values(GRID).reduce((n, values) => n + values.length, 0);

describe('parameter search', () => {
  it('chooses the same parameters through the same trials on every run', () => {
    const target = sampleTarget();
    const a = tune({ target, start });
    const b = tune({ target, start });
    expect(b.best).toEqual(a.best);
    expect(b.trials.map((t) => t.metrics)).toEqual(a.trials.map((t) => t.metrics));
  });

  it('makes one pass over the grid by default', () => {
    const { trials, stopped } = tune({ target: sampleTarget(), start });
    expect(trials.length).toBeLessThanOrEqual(1 + gridSize);
    expect(trials.length).toBeGreaterThan(gridSize / 2);
    expect(['converged', 'passes']).toContain(stopped);
  });

  it('leaves fixed parameters as they start', () => {
    const { trials } = tune({ target: sampleTarget(), start, fixed: ['transitionWeight'] });
    expect(new Set(trials.map((t) => t.params.transitionWeight))).toEqual(new Set([start.transitionWeight]));
  });

  it('starts no trial past an explicit time limit, and says so', () => {
    const { trials, stopped } = tune({ target: sampleTarget(), start, budgetMs: -1 });
    expect(trials).toHaveLength(1);
    expect(stopped).toBe('budget');
  });
});
