import type { KV, Tier } from './kv';

/**
 * A tier over a Map that is loaded and saved whole per transaction (localStorage,
 * memory). A transaction runs inside one task, so with localStorage it is atomic for
 * every tab in practice. Throws where the storage does.
 */
export function mapTier(load: () => Map<string, unknown>, save: (map: Map<string, unknown>) => void): Tier {
  return (write, fn) => {
    const map = load();
    let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const kv: KV = {
      all: (values, lo, hi, n, then) =>
        then(
          [...map.keys()]
            .sort()
            .filter((k) => k >= lo && k <= hi)
            .slice(0, n)
            .map((k) => (values ? map.get(k) : k)) as never,
        ),
      set: (k, v) => map.set(k, v),
      del: (k) => map.delete(k),
    };
    fn(kv, (v) => (out = v));
    if (write) save(map);
    return Promise.resolve(out);
  };
}

/** The last tier: this tab's memory. Never fails; lost with the page. */
export function memoryTier(): Tier {
  const map = new Map<string, unknown>();
  return mapTier(
    () => map,
    () => {},
  );
}
