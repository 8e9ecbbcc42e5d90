import type { BrowserContext, Page } from 'playwright-core';

/** A POST to the collector as the page saw it: when it left, when its answer (or failure) came, its status (0: none), how many events it carried. */
export interface TimedPost {
  start: number;
  end: number;
  status: number;
  events: number;
}

/**
 * Times every `fetch` POST to the collector in each page of `context`, in the page itself
 * (where the timers that space requests run). `Date.now()` reads the one system clock in
 * every tab, so the intervals of two tabs compare. Beacons are not fetches: not counted.
 */
export async function timeCollectorPosts(context: BrowserContext, collectorUrl: string): Promise<void> {
  await context.addInitScript((collector: string) => {
    const posts: TimedPost[] = ((window as any).__collectorPosts = []);
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(collector) || (init?.method ?? 'GET') !== 'POST') return send(input, init);
      const body = typeof init?.body === 'string' ? init.body : '';
      const post = { start: Date.now(), end: Infinity, status: 0, events: body.split('"messageId"').length - 1 };
      posts.push(post);
      return send(input, init)
        .then((response) => ((post.status = response.status), response))
        .finally(() => { post.end = Date.now(); });
    };
  }, collectorUrl);
}

/** The POSTs {@link timeCollectorPosts} recorded in this page, in order. */
export function postsOf(page: Page): Promise<TimedPost[]> {
  return page.evaluate(() => (window as any).__collectorPosts as TimedPost[]);
}
