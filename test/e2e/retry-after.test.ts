import { describe, expect, it } from 'vitest';
import { waitForEvents } from '../utils/e2e-collector';
import { postsOf, timeCollectorPosts } from '../utils/e2e-posts';
import { anonymousId, presetConsent, visit } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';

// A collector that is overloaded answers 429 with Retry-After, and the SDK must wait that
// long. Cross-origin, a page can read only the response headers the collector exposes
// (Access-Control-Expose-Headers): unit tests cannot tell, Chromium does. The reference
// collector answers the shop's first request with 429 and `Retry-After: 3`, three times
// the longest first retry delay of the SDK's own backoff (1 s), and every later one with 2xx.
const RETRY_AFTER_S = 3;
const draws = [0.1, 0.1]; // fail, then 429 (see decideChaos)
const env = useE2eEnv({ collector: { failRate: 0.5, retryAfterS: RETRY_AFTER_S, random: () => draws.shift() ?? 0.9 } });

describe('Retry-After from a cross-origin collector', () => {
  it('is honoured: the batch answered 429 goes again after the seconds it names, and is stored once', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    await timeCollectorPosts(context, env.stack.collector.url);
    const page = await context.newPage();
    await visit(page, `${env.stack.shop.url}/`);
    const id = await anonymousId(page);

    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the home page events, retried after the 429',
      until: (all) => all.some((e) => e.type === 'page'),
    });
    // The collector stores a batch before its answer reaches the page: wait for the page to
    // have read the answer of the retry, or its status could still read 0 here.
    await expect.poll(async () => (await postsOf(page))[1]?.end).toBeLessThan(Infinity);
    const posts = await postsOf(page);
    expect(posts[0]!.status).toBe(429);
    expect(posts[1]!.status).toBe(200);
    // Never earlier than the collector asked (the SDK's own first retry would come within 1 s).
    expect(posts[1]!.start - posts[0]!.end).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    expect(stored.filter((e) => e.type === 'page')).toHaveLength(1);
    await context.close();
  });
});
