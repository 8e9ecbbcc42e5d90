import { describe, expect, it } from 'vitest';
import { mustBuyThreshold } from '../../src/node/calibrate';

// `n` samples at `share`, `hits` of them (spread evenly) the next item.
const at = (share: number, n: number, hits: number) => Array.from({ length: n }, (_, i) => ({ share, hit: (i * hits) % n < hits }));

describe('must-buy calibration', () => {
  it('picks the lowest share whose candidates beat the average by the lift', () => {
    // Average precision 0.11, so the target is 0.275: the 0.5 group (0.3) gets there, 0.3 (0.1) does not.
    const samples = [...at(0.8, 100, 60), ...at(0.5, 100, 30), ...at(0.3, 100, 10), ...at(0.05, 700, 10)];
    expect(mustBuyThreshold(samples, 2.5)).toBe(0.5);
  });

  it('makes nothing must-buy when no share stands out', () => {
    expect(mustBuyThreshold([...at(0.6, 100, 10), ...at(0.1, 100, 10)], 2.5)).toBe(1);
  });

  it('is not fooled by a handful of lucky top candidates', () => {
    expect(mustBuyThreshold([...at(0.9, 3, 3), ...at(0.2, 1000, 100)], 2.5)).toBe(1);
  });

  it('makes nothing must-buy without samples', () => {
    expect(mustBuyThreshold([], 2.5)).toBe(1);
  });
});
