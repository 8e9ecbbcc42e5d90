import type { QueueRecord, Tier } from './queue-kv';

/**
 * A tier over a Map loaded per transaction (localStorage, memory), which runs inside one
 * task; `save` then writes the keys it set or deleted, and only those. Throws where the
 * storage does.
 */
export const mapTier = (load: () => Map<string, unknown>, save: (map: Map<string, unknown>, touched: Set<string>) => void): Tier => {
  return (fn) => {
    const map = load();
    const touched = new Set<string>();
    let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    fn(
      {
        // Keys only of records that hold events: a note (saved in a chunk's place by a page
        // exit, until the queue takes it in) weighs nothing, so the bounds count none.
        all: (values, n, then) =>
          then([...map.keys()].sort().filter((k) => values || (map.get(k) as QueueRecord).j.length).slice(0, n).map((k) => (values ? map.get(k) : k)) as never),
        // Each key set or deleted is noted (add returns the set, which is truthy).
        set: (k, v) => map.set(touched.add(k) && k, v),
        del: (k) => touched.add(k) && map.delete(k),
      },
      (v) => (out = v),
    );
    save(map, touched);
    return Promise.resolve(out);
  };
};

/** The last tier: this tab's memory. Never fails; lost with the page. */
export const memoryTier = (): Tier => {
  const map = new Map<string, unknown>();
  return mapTier(
    () => map,
    () => {},
  );
};
