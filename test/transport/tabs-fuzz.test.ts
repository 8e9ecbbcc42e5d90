import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { installWebLocks, removeWebLocks } from '../utils/transport-locks';
import { spyOnBeacon } from '../utils/transport-page';
import { openScopedTab } from '../utils/transport-scoped-tab';
import type { ScopedTab } from '../utils/transport-scoped-tab';
import { freshQueue } from '../utils/transport-tab';

// Random sequences of what shoppers do with one to three tabs of a shop: track bursts,
// switch away and back, while the collector answers slowly and time passes. Whatever the
// order, every event is delivered, and none twice (no messageId twice at the collector).
const collector = useTransportCollector();

type Step =
  | { tab: number; do: 'track'; events: number }
  | { tab: number; do: 'hide' }
  | { tab: number; do: 'show' }
  | { tab: number; do: 'slow answer'; ms: number }
  | { tab: number; do: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ tab: fc.nat(2), do: fc.constant('track' as const), events: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ tab: fc.nat(2), do: fc.constant('hide' as const) }) },
  { weight: 1, arbitrary: fc.record({ tab: fc.nat(2), do: fc.constant('show' as const) }) },
  { weight: 1, arbitrary: fc.record({ tab: fc.nat(2), do: fc.constant('slow answer' as const), ms: fc.nat(300) }) },
  { weight: 1, arbitrary: fc.record({ tab: fc.nat(2), do: fc.constant('wait' as const), ms: fc.nat(800) }) },
);

// FUZZ_RUNS for a longer search (npm run test:fuzz).
const RUNS = process.env.FUZZ_RUNS ? +process.env.FUZZ_RUNS : 100;

describe('tabs switched away and back while another tab sends', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['Web Locks', installWebLocks],
    ['a localStorage lease', removeWebLocks],
  ])('deliver every event exactly once, with %s', async (_, install) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(step, { minLength: 10, maxLength: 50 }), fc.array(fc.nat(40), { minLength: 50, maxLength: 50 }), async (count, steps, turns) => {
        install();
        spyOnBeacon();
        collector.received.length = 0;
        const name = freshQueue();
        const tabs: ScopedTab[] = [];
        for (let i = 0; i < count; i++) tabs.push(await openScopedTab({ queue: { name }, batch: { maxEvents: 4 } }));
        let tracked = 0;
        for (const [i, s] of steps.entries()) {
          const tab = tabs[s.tab % count]!;
          if (s.do == 'track') for (let e = 0; e < s.events; e++) tab.track(`e${i}-${e}`), tracked++;
          else if (s.do == 'hide' || s.do == 'show') tab[s.do]();
          else if (s.do == 'slow answer') collector.answer({ status: 200, delayMs: s.ms });
          else await vi.advanceTimersByTimeAsync(s.ms);
          await settle(turns[i]!); // a random number of task turns: writes and reads interleave differently
        }
        await elapse(15_000);
        const ids = collector.delivered();
        expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
        expect(ids).toHaveLength(tracked);
        expect(tabs.reduce((sent, tab) => sent + tab.plugin.stats().sent, 0)).toBe(tracked);
        await Promise.all(tabs.map((tab) => tab.destroy()));
        vi.restoreAllMocks();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, Math.max(60_000, RUNS * 600)); // a search cut off by the limit would go on into the next test
});
