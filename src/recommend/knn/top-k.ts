/**
 * Writes into `out` the (at most) `k` entries of `cand[0..n)` with the largest positive
 * `keys[cand[i]]`, best first, and returns how many. A size-k min-heap: O(n log k), no
 * allocation, so a call stays well under a millisecond with thousands of candidates.
 */
export const topK = (keys: Float64Array, cand: Int32Array, n: number, k: number, out: Int32Array): number => {
  let size = 0;
  for (let i = 0; i < n; i++) {
    const id = cand[i]!;
    const key = keys[id]!;
    if (!(key > 0)) continue;
    if (size < k) {
      out[size] = id;
      siftUp(keys, out, size++);
    } else if (key > keys[out[0]!]!) {
      out[0] = id;
      siftDown(keys, out, size);
    }
  }
  // Heap-sort in place: repeatedly move the smallest to the end, leaving best first.
  for (let end = size - 1; end > 0; end--) {
    const top = out[0]!;
    out[0] = out[end]!;
    out[end] = top;
    siftDown(keys, out, end);
  }
  return size;
};

const siftUp = (keys: Float64Array, heap: Int32Array, at: number): void => {
  const id = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (keys[heap[parent]!]! <= keys[id]!) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = id;
};

const siftDown = (keys: Float64Array, heap: Int32Array, size: number): void => {
  const id = heap[0]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && keys[heap[child + 1]!]! < keys[heap[child]!]!) child++;
    if (keys[heap[child]!]! >= keys[id]!) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = id;
};
