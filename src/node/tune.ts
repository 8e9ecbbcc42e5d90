import type { KnnParams } from '../recommend/knn/params';
import type { EvalTarget } from './evaluate';
import { evaluate } from './evaluate';
import type { Metrics } from './metrics';

/**
 * Parameter values tried, one parameter at a time, most influential first (so a short
 * budget spends itself where it matters). `timeDecay` is in multiples of the session count.
 */
export const GRID: { [K in keyof KnnParams]?: number[] } = {
  transitionWeight: [0, 0.2, 0.35, 0.5],
  sessionDecay: [1, 1.5, 2.5],
  anchorDecay: [1, 1.5, 2.5],
  selfWeight: [1, 1.5, 2],
  timeDecay: [0, 0.5, 1.2, 3],
  afterDecay: [1.5, 2, 3],
  beforeDecay: [1, 1.5, 2.5],
  neighbours: [100, 200, 400],
  lengthNorm: [0.3, 0.5, 0.7],
};

/** Why the search stopped: nothing changed in a pass, the passes were done, or the time limit hit. */
export type TuneStop = 'converged' | 'passes' | 'budget';

/** One evaluated parameter set. */
export interface Trial {
  params: KnnParams;
  metrics: Metrics;
}

/** Options of {@link tune}. */
export interface TuneOptions {
  target: EvalTarget;
  /** Start point; its `timeDecay` is a multiple of the session count, like the grid's. */
  start: KnnParams;
  /**
   * Full passes over the grid at most (default 1). The search then depends on the data
   * only, so a run reproduces the last one exactly.
   */
  passes?: number;
  /**
   * Optional safety limit (ms): no new trial starts after it. Unset by default, since a
   * limit makes the result depend on the machine's speed and load.
   */
  budgetMs?: number;
  /** Parameters left as they are in `start`. */
  fixed?: readonly (keyof KnnParams)[];
  onTrial?: (trial: Trial) => void;
}

const objective = (m: Metrics): number => m.hr20 + m.mrr20;

/** A change must win by this much (HR@20 + MRR@20 points) to be kept: smaller is sampling noise. */
const MIN_GAIN = 0.05;

/**
 * Coordinate search: for each parameter in turn, try the grid's values with the others
 * fixed and keep the best by HR@20 + MRR@20, until a pass changes nothing, `passes` are
 * done or the optional time limit hits. Returns the best trial (timeDecay still
 * relative), all trials, and why it stopped.
 */
export function tune(o: TuneOptions): { best: Trial; trials: Trial[]; stopped: TuneStop } {
  const started = Date.now();
  const sessions = o.target.store.sessionCount;
  const run = (p: KnnParams): Trial => {
    const trial = { params: p, metrics: evaluate(o.target, { ...p, timeDecay: p.timeDecay * sessions }) };
    o.onTrial?.(trial);
    return trial;
  };
  const trials = [run(o.start)];
  let best = trials[0]!;
  const passes = o.passes ?? 1;
  let changed = true;
  for (let pass = 0; changed && pass < passes; pass++) {
    changed = false;
    for (const [key, values] of Object.entries(GRID) as [keyof KnnParams, number[]][]) {
      if (o.fixed?.includes(key)) continue;
      for (const v of values) {
        if (o.budgetMs !== undefined && Date.now() - started > o.budgetMs) return { best, trials, stopped: 'budget' };
        if (best.params[key] === v) continue;
        const t = run({ ...best.params, [key]: v });
        trials.push(t);
        if (objective(t.metrics) > objective(best.metrics) + MIN_GAIN) {
          best = t;
          changed = true;
        }
      }
    }
  }
  return { best, trials, stopped: changed ? 'passes' : 'converged' };
}
