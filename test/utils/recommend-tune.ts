import { createCorpus } from '../../src/node/corpus';
import type { EvalTarget } from '../../src/node/evaluate';
import { popularityOrder } from '../../src/node/popularity-order';
import { sampleCases, validationSplit } from '../../src/node/split';
import { flatStore } from '../../src/recommend/model/session-store';
import { sampleSessions } from './recommend-fixture';

/** A small validation target from the sample click log: newest 20% held out, `cases` sampled. */
export function sampleTarget(cases = 300): EvalTarget {
  const corpus = createCorpus();
  sampleSessions().forEach((s) => corpus.add(s));
  const n = corpus.ids.length;
  const split = validationSplit({ offsets: corpus.offsets(), items: corpus.items() }, n, 0.2);
  const { offsets, items } = split.train;
  return { store: flatStore(offsets, items, n), itemCount: n, popular: popularityOrder(offsets, items, n).order, cases: sampleCases(split.cases, cases) };
}
