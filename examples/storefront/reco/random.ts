/** A seeded pseudo-random source: the same seed gives the same shoppers on every run. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** One of `items`, with probability proportional to `weight(item)`. */
  pick<T>(items: readonly T[], weight?: (item: T) => number): T;
}

/**
 * mulberry32 (the catalog uses the same generator): tiny, fast and good enough to make
 * plausible shoppers; never for anything secret.
 */
export function seededRandom(seed: number): Random {
  let a = seed | 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick(items, weight = () => 1) {
      if (!items.length) throw new RangeError('pick() needs at least one item');
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return items[items.length - 1]!;
    },
  };
}
