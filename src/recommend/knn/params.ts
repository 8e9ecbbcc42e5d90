/**
 * Parameters of the session-kNN scorer (a STAN variant: Garg et al., SIGIR 2019).
 * The trainer picks them on a validation split and writes them into the model; the
 * browser reads them from there. Decays are e-folding lengths: a weight falls to 1/e
 * over that many positions (or sessions).
 */
export interface KnnParams {
  /** Neighbour sessions kept per call (STAN's k). */
  neighbours: number;
  /** Most recent sessions looked at per session item (STAN's sample size m). */
  sample: number;
  /** λ1: recency decay of the current session's items, in positions, for similarity. */
  sessionDecay: number;
  /** Recency decay of the current session's items when used as anchors in a neighbour. */
  anchorDecay: number;
  /** λ2: recency decay of neighbour sessions, in sessions (0 = no decay). */
  timeDecay: number;
  /** λ3 after the anchor: decay with distance for items that follow it in the neighbour. */
  afterDecay: number;
  /** λ3 before the anchor: decay with distance for items that precede it. */
  beforeDecay: number;
  /** Weight of the anchor item itself (a repeat of an item already in the session). */
  selfWeight: number;
  /** Similarity is divided by (|query| · |neighbour|) to this power (0.5 = cosine). */
  lengthNorm: number;
  /**
   * Share of the final score from item transitions (what followed or preceded each
   * session item in all its recent sessions), the rest from the neighbour sessions.
   */
  transitionWeight: number;
}

/** Tier thresholds, calibrated by the trainer on its validation split. */
export interface TierParams {
  /** A candidate whose share of the scored mass reaches this is "must-buy". */
  mustBuyShare: number;
}

/**
 * Defaults measured on the DIGINETICA validation split (newest 10% of the training
 * sessions); a model written by the trainer carries its own tuned values.
 */
export const DEFAULT_KNN_PARAMS: KnnParams = {
  neighbours: 200,
  sample: 1000,
  sessionDecay: 1.5,
  anchorDecay: 1.5,
  timeDecay: 200_000,
  afterDecay: 2,
  beforeDecay: 1.5,
  selfWeight: 1.5,
  lengthNorm: 0.5,
  transitionWeight: 0.35,
};

/** Default tier threshold (what the trainer calibrates on DIGINETICA, ~0.4–0.5). */
export const DEFAULT_TIER_PARAMS: TierParams = { mustBuyShare: 0.45 };

/** Parameters that must be above 0: the decays divide by theirs (0 would make every weight NaN). */
const ABOVE_ZERO: ReadonlySet<string> = new Set(['neighbours', 'sample', 'sessionDecay', 'anchorDecay', 'afterDecay', 'beforeDecay']);

/** Whether `v` is a usable value of parameter `key`: finite, above 0 or at least 0 as it needs, and a share at most 1. */
export const isParamValue = (key: string, v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && (ABOVE_ZERO.has(key) ? v > 0 : v >= 0) && (key != 'transitionWeight' || v <= 1);

/** What {@link isParamValue} asks of `key`, for messages. */
export const paramRule = (key: string): string =>
  ABOVE_ZERO.has(key) ? 'a number above 0' : key == 'transitionWeight' ? 'a share from 0 to 1' : 'a number of 0 or more';

/** Reads params from a model's meta block, keeping defaults for anything missing or invalid. */
export const readParams = <T extends object>(value: unknown, defaults: T): T => {
  const out = { ...defaults };
  if (!value || typeof value !== 'object') return out;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const v = (value as Record<keyof T, unknown>)[key];
    if (isParamValue(String(key), v)) out[key] = v as T[keyof T];
  }
  return out;
};
