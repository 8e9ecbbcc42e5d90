import type { KnnParams, TierParams } from '../recommend/knn/params';
import { DEFAULT_TIER_PARAMS } from '../recommend/knn/params';
import type { FlatSessions } from '../recommend/format/sessions';
import { flatStore } from '../recommend/model/session-store';
import { mustBuyThreshold } from './calibrate';
import type { ShareSample } from './evaluate';
import { evaluate } from './evaluate';
import type { Metrics } from './metrics';
import { popularityOrder } from './popularity-order';
import { sampleCases, validationSplit } from './split';
import type { TuneStop } from './tune';
import { tune } from './tune';

/** What the validation step reports. */
export interface ValidationReport {
  sessions: number;
  cases: number;
  sampled: number;
  trials: number;
  /** Why the search stopped (`off` without one); `budget` means the result depends on machine speed. */
  stopped: TuneStop | 'off';
  /** Metrics of the chosen parameters on the sampled validation cases. */
  metrics: Metrics | null;
  ms: number;
}

/** Options of {@link validate}; `start.timeDecay` is relative to the session count. */
export interface ValidateOptions {
  validation?: number;
  tune?: 'quick' | 'none';
  tuneBudgetMs?: number;
  tunePasses?: number;
  validationCases?: number;
  mustBuyLift?: number;
  start: KnnParams;
  fixed: readonly (keyof KnnParams)[];
  log: (line: string) => void;
}

/**
 * Holds out the newest sessions, searches parameters on them (never on any test set)
 * and calibrates the must-buy tier. Too little data for a validation split keeps the
 * start parameters and default tiers.
 */
export function validate(sessions: FlatSessions, itemCount: number, o: ValidateOptions): { params: KnnParams; tiers: TierParams; report: ValidationReport } {
  const t0 = performance.now();
  const split = validationSplit(sessions, itemCount, o.validation ?? 0.1);
  const cases = sampleCases(split.cases, o.validationCases ?? 10_000);
  const done = (params: KnnParams, tiers: TierParams, metrics: Metrics | null, trials: number, stopped: TuneStop | 'off') => ({
    params,
    tiers,
    report: { sessions: split.train.offsets.length - 1, cases: split.cases.length, sampled: cases.length, trials, stopped, metrics, ms: Math.round(performance.now() - t0) },
  });
  if (cases.length < 10) return done(o.start, DEFAULT_TIER_PARAMS, null, 0, 'off');
  const target = {
    store: flatStore(split.train.offsets, split.train.items, itemCount),
    itemCount,
    popular: popularityOrder(split.train.offsets, split.train.items, itemCount).order,
    cases,
  };
  const { best, trials, stopped } =
    o.tune === 'none'
      ? { best: { params: o.start, metrics: evaluate(target, relative(o.start, target.store.sessionCount)) }, trials: [], stopped: 'off' as const }
      : tune({ target, start: o.start, fixed: o.fixed, passes: o.tunePasses, budgetMs: o.tuneBudgetMs, onTrial: (t) => o.log(`trial ${JSON.stringify(t.metrics)}`) });
  const shares: ShareSample[] = [];
  evaluate(target, relative(best.params, target.store.sessionCount), shares);
  const tiers = { mustBuyShare: mustBuyThreshold(shares, o.mustBuyLift ?? 2.5) };
  return done(best.params, tiers, best.metrics, trials.length, stopped);
}

const relative = (p: KnnParams, sessions: number): KnnParams => ({ ...p, timeDecay: p.timeDecay * sessions });
