import type { QueueRecord, Tier } from './queue-kv';

/**
 * A tier over a Map that is loaded and saved whole per transaction (localStorage,
 * memory). A transaction runs inside one task, so with localStorage it is atomic for
 * every tab in practice. Throws where the storage does.
 */
export const mapTier = (load: () => Map<string, unknown>, save: (map: Map<string, unknown>) => void): Tier => {
  return (fn) => {
    const map = load();
    let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    fn(
      {
        // Keys only of records that hold events: a note (saved in a chunk's place by a page
        // exit, until the queue takes it in) weighs nothing, so the bounds count none.
        all: (values, n, then) =>
          then([...map.keys()].sort().filter((k) => values || (map.get(k) as QueueRecord).j.length).slice(0, n).map((k) => (values ? map.get(k) : k)) as never),
        set: (k, v) => map.set(k, v),
        del: (k) => map.delete(k),
      },
      (v) => (out = v),
    );
    save(map);
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
