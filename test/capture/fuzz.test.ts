import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSightline } from '../../src/core';
import * as capture from '../../src/capture';
import type { Plugin, SightlineError } from '../../src/types';

// What a page's script may hand a capture factory when nothing checks its types: any
// value, or an object with the options' own names holding any value.
const anything = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 3 });
const OPTION_NAMES = [
  'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals', 'context', // autocapture's groups
  'hash', 'initial', 'denySelectors', 'rageClicks', 'deadClicks', 'downloadExtensions', 'declarative',
  'impressions', 'timings', 'milestones', 'heartbeatMs', 'idleMs', 'metrics', 'clickIds', 'domains',
  'maxPerMinute', 'ignore',
] as const;
const named = (values: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom(...OPTION_NAMES), values, { maxKeys: 6 });
const options = fc.oneof(anything, named(anything), named(fc.oneof(anything, named(anything))));
const FACTORIES = ['autocapture', 'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals', 'context', 'errors'] as const;

describe('capture factories under random options (fast-check)', () => {
  it('never throw into the page, and report only with codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FACTORIES), options, async (name, given) => {
        const errors: SightlineError[] = [];
        const client = createSightline({ onError: (e) => errors.push(e) });
        const made = (capture[name] as (o: unknown) => unknown)(given);
        for (const plugin of [made].flat()) await client.use(plugin as Plugin);
        document.body.innerHTML = '<a href="/p/1" data-sl-event="Probe">x</a><form><input name="q"></form>';
        document.querySelector('a')!.click();
        client.track('Probe');
        await client.flush();
        await client.destroy();
        for (const e of errors) expect(e.code).toMatch(/^[a-z]+\/[a-z-]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
