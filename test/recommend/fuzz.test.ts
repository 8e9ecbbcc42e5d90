import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createSightline } from '../../src/core';
import * as recommend from '../../src/recommend';
import type { Plugin } from '../../src/types';

// What a page's script may hand the recommend API when nothing checks its types.
const anything = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 3 });
const FUNCTIONS = ['recommender', 'loadModel', 'decodeModel', 'fallbackModel', 'rankItems', 'trackRecommendationViewed', 'trackRecommendationClicked'] as const;

describe('the recommend API under random input (fast-check)', () => {
  it('never throws or rejects into the page', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 })); // loadModel's URL, whatever it is
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTIONS), fc.array(anything, { maxLength: 3 }), async (name, args) => {
        const result = await (recommend[name] as (...a: unknown[]) => unknown)(...args);
        if (name === 'recommender') {
          // The plugin it made works in a client, and recommends from junk without throwing.
          const reco = result as Plugin & { ready: Promise<unknown>; recommend(...a: unknown[]): unknown };
          const client = createSightline({ onError: () => {} });
          await client.use(reco);
          await reco.ready;
          expect(Array.isArray(reco.recommend(...args))).toBe(true);
          await client.destroy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
