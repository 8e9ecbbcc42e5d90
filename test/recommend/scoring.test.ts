import { describe, expect, it } from 'vitest';
import type { KnnParams } from '../../src/recommend/knn/params';
import { rankItems } from '../../src/recommend/rank';
import { modelOf } from '../utils/recommend-model';

interface RankCase {
  exclude?: string[];
  limit?: number;
  /** Defaults: neighbours only, no weight on repeats, so each spec sees only the behaviour it names. */
  params?: Partial<KnnParams>;
}

// Items scored by the neighbourhood, best first (popularity fill left out).
const near = (sessions: string[][], items: string[], o: RankCase = {}): string[] => {
  const model = modelOf(sessions, { selfWeight: 0, transitionWeight: 0, ...o.params });
  return rankItems(model, { items, limit: o.limit ?? 5, ...(o.exclude ? { exclude: o.exclude } : {}) })
    .filter((r) => r.source === 'neighbours')
    .map((r) => model.ids.idOf(r.index));
};

describe('session-kNN scoring', () => {
  it('recommends first what most often followed the current item elsewhere', () => {
    expect(near([['a', 'b'], ['a', 'b'], ['a', 'c'], ['z', 'y']], ['a'])).toEqual(['b', 'c']);
  });

  it('weights the latest item of the session above earlier ones', () => {
    const sessions = [['x', 'p'], ['y', 'q'], ['z', 'w']];
    expect(near(sessions, ['x', 'y'])).toEqual(['q', 'p']);
    expect(near(sessions, ['y', 'x'])).toEqual(['p', 'q']);
  });

  it('ranks items by their distance after the matching position in a neighbour', () => {
    expect(near([['a', 'b', 'c', 'd'], ['z', 'y']], ['a'])).toEqual(['b', 'c', 'd']);
  });

  it('scores items before the match too, below the one right after it', () => {
    expect(near([['m', 'a', 'b'], ['z', 'y']], ['a'])).toEqual(['b', 'm']);
  });

  it('prefers newer neighbour sessions when similarity ties', () => {
    expect(near([['a', 'old'], ['z', 'y'], ['a', 'new']], ['a'], { params: { timeDecay: 1 } })).toEqual(['new', 'old']);
  });

  it('looks only at the most recent sessions of each item (sample)', () => {
    expect(near([['a', 'old'], ['a', 'new'], ['z', 'y']], ['a'], { params: { sample: 1 } })).toEqual(['new']);
  });

  it('keeps only the best neighbour sessions (neighbours)', () => {
    const sessions = [['a', 'b', 'p'], ['a', 'c'], ['z', 'y']];
    const got = near(sessions, ['b', 'a'], { params: { neighbours: 1 } });
    expect(got[0]).toBe('p');
    expect(got).not.toContain('c');
  });

  it('adds item transitions from sessions outside the chosen neighbours', () => {
    const sessions = [['a', 'b', 'p'], ['a', 'c'], ['z', 'y']];
    expect(near(sessions, ['b', 'a'], { params: { neighbours: 1 } })).not.toContain('c');
    expect(near(sessions, ['b', 'a'], { params: { neighbours: 1, transitionWeight: 0.5 } })).toContain('c');
  });

  it('ranks by transitions alone with transitionWeight 1', () => {
    const sessions = [['a', 'c'], ['a', 'c'], ['a', 'b'], ['z', 'y']];
    // The item itself counts as a transition too (a repeat click), once per occurrence.
    expect(near(sessions, ['a'], { params: { transitionWeight: 1, neighbours: 1 } })).toEqual(['a', 'c', 'b']);
  });

  it('may recommend an item already in the session: shoppers come back to items', () => {
    expect(near([['a', 'b', 'a'], ['a', 'b', 'a'], ['z', 'y']], ['a', 'b'], { params: { selfWeight: 1.5 }, limit: 1 })).toEqual(['a']);
  });

  it('never returns excluded items', () => {
    expect(near([['a', 'b'], ['a', 'c'], ['z', 'y']], ['a'], { exclude: ['b'] })).toEqual(['c']);
  });

  it('fills with popular items, most clicked first, when the session is unknown to the model', () => {
    const model = modelOf([['a', 'b'], ['b', 'c'], ['b', 'c']]);
    const ranked = rankItems(model, { items: ['unknown'], limit: 3 });
    expect(ranked.map((r) => [model.ids.idOf(r.index), r.source])).toEqual([['b', 'popular'], ['c', 'popular'], ['a', 'popular']]);
  });

  it('returns at most the limit', () => {
    expect(near([['a', 'b', 'c', 'd', 'e']], ['a'], { limit: 2 })).toHaveLength(2);
  });
});
