/**
 * Item numbers ordered most popular first (ties: the most recently seen first), and
 * the counts in that order. This order becomes the model's item index.
 */
export function popularityOrder(offsets: Int32Array, items: Int32Array, itemCount: number): { order: Int32Array; counts: Uint32Array } {
  const counts = new Uint32Array(itemCount);
  const lastSeen = new Int32Array(itemCount).fill(-1);
  for (let s = 0; s + 1 < offsets.length; s++) {
    for (let p = offsets[s]!; p < offsets[s + 1]!; p++) {
      counts[items[p]!]!++;
      lastSeen[items[p]!] = s;
    }
  }
  const order = Int32Array.from({ length: itemCount }, (_, i) => i).sort(
    (a, b) => counts[b]! - counts[a]! || lastSeen[b]! - lastSeen[a]! || a - b,
  );
  return { order, counts: Uint32Array.from(order, (i) => counts[i]!) };
}
