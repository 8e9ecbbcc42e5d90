/**
 * Scratch arrays of one scorer, allocated on its first call and reused: a call then
 * allocates nothing. "Stamps" mark which slots belong to the current call, so nothing
 * needs clearing between calls.
 */
export interface Workspace {
  tick: number;
  /** Per session: stamp, similarity then neighbour weight. */
  sessionStamp: Int32Array;
  sessionWeight: Float64Array;
  candidates: Int32Array;
  neighbours: Int32Array;
  /** Per item: stamp and weights as a query item; stamp and score as a candidate. */
  queryStamp: Int32Array;
  queryWeight: Float64Array;
  anchorWeight: Float64Array;
  itemStamp: Int32Array;
  itemScore: Float64Array;
  /** Per item: the transition score (see transitions.ts), reset with `itemScore`. */
  transScore: Float64Array;
  /** Per item: total transition weight (-1 until first needed; depends on the model only). */
  transMass: Float64Array;
  touched: Int32Array;
  /** The query's distinct items, oldest first. */
  uniq: Int32Array;
  /** Matched positions in the neighbour being scored, and their anchor weights. */
  matchPos: Int32Array;
  matchWeight: Float64Array;
}

/**
 * The most recent query items looked at. Older ones weigh e^-(64/λ1) ≈ 0 with any
 * sensible decay; the cap bounds the cost of a call whatever the caller passes.
 */
export const MAX_QUERY = 64;

/** Allocates a workspace for `sessions` sessions, `items` items and `neighbours` neighbours. */
export const workspace = (sessions: number, items: number, neighbours: number): Workspace => {
  return {
    tick: 0,
    sessionStamp: new Int32Array(sessions),
    sessionWeight: new Float64Array(sessions),
    candidates: new Int32Array(sessions),
    neighbours: new Int32Array(neighbours),
    queryStamp: new Int32Array(items),
    queryWeight: new Float64Array(items),
    anchorWeight: new Float64Array(items),
    itemStamp: new Int32Array(items),
    itemScore: new Float64Array(items),
    transScore: new Float64Array(items),
    transMass: new Float64Array(items).fill(-1),
    touched: new Int32Array(items),
    uniq: new Int32Array(MAX_QUERY),
    matchPos: new Int32Array(MAX_QUERY),
    matchWeight: new Float64Array(MAX_QUERY),
  };
};

/** Starts a call: a new stamp, wrapping (and clearing) long before Int32 overflow. */
export const nextTick = (ws: Workspace): number => {
  if (ws.tick >= 0x7ffffff0) {
    ws.tick = 0;
    ws.sessionStamp.fill(0);
    ws.queryStamp.fill(0);
    ws.itemStamp.fill(0);
  }
  return ++ws.tick;
};

/** Marks `item` as scored in this call (zeroing its scores the first time); returns the new touched count. */
export const touch = (ws: Workspace, item: number, touched: number): number => {
  if (ws.itemStamp[item] === ws.tick) return touched;
  ws.itemStamp[item] = ws.tick;
  ws.itemScore[item] = 0;
  ws.transScore[item] = 0;
  ws.touched[touched] = item;
  return touched + 1;
};
