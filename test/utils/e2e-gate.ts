import type { BrowserContext, Route } from 'playwright-core';

/** What a {@link collectorGate} does with the pages' POSTs to the collector now. */
export type GateMode = 'open' | 'fail' | 'hold';

/** A switch between a context's pages and the collector; `held` are the POSTs kept unanswered. */
export interface CollectorGate {
  mode: GateMode;
  held: Route[];
}

/**
 * Stands between the context's pages and the collector: `fail` refuses every POST as a
 * lost network would, `hold` keeps each POST under way and unanswered, `open` lets them
 * through. Unlike `setOffline`, the shop's own pages still load.
 */
export async function collectorGate(context: BrowserContext, collectorUrl: string): Promise<CollectorGate> {
  const gate: CollectorGate = { mode: 'open', held: [] };
  await context.route(`${collectorUrl}/**`, (route) => {
    if (gate.mode === 'open' || route.request().method() !== 'POST') void route.continue().catch(() => undefined);
    else if (gate.mode === 'fail') void route.abort('internetdisconnected').catch(() => undefined);
    else gate.held.push(route);
  });
  return gate;
}
