/**
 * The item id table of a model: item index (popularity order) ↔ the shop's id.
 * Numeric catalogs are stored as numbers, anything else as strings; callers always
 * see strings, since that is what `properties.product_id` carries most often.
 */
export interface ItemIds {
  readonly count: number;
  /** The id of an item index (`''` when out of range). */
  idOf(index: number): string;
  /** The index of an id, or -1 when the model does not know it. */
  indexOf(id: string | number): number;
}

/** An id table over a numeric or string list; the reverse map is built on first lookup. */
export const itemIds = (ids: Uint32Array | readonly string[]): ItemIds => {
  let reverse: Map<string, number> | undefined;
  const idOf = (i: number): string => (i >= 0 && i < ids.length ? String(ids[i]) : '');
  return {
    count: ids.length,
    idOf,
    indexOf(id) {
      if (!reverse) {
        reverse = new Map();
        for (let i = 0; i < ids.length; i++) reverse.set(idOf(i), i);
      }
      return reverse.get(String(id)) ?? -1;
    },
  };
};
