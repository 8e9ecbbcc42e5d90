/** A fake `Math.random` returning `values` in order, then failing loudly if over-drawn. */
export function randomSequence(...values: number[]): () => number {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('randomSequence: more draws than values given');
    return next;
  };
}
