import { createSightline } from '../../src/core';
import { collector } from '../../src/transport';
import type { Collector, CollectorOptions } from '../../src/transport';
import type { Properties, SightlineClient, SightlineError, SightlineOptions } from '../../src/types';
import { settle } from './transport-clock';
import { COLLECTOR } from './transport-collector';

/** A page with a client and the collector plugin, as the tests drive it. */
export interface TransportTab {
  client: SightlineClient;
  plugin: Collector;
  /** What the transport and its storage reported (`transport/*`, `storage/*`). */
  errors: SightlineError[];
  track(event: string, properties?: Properties): void;
  flush(): Promise<void>;
  destroy(): Promise<void>;
}

let n = 0;
/** A queue name no earlier test used: fake-indexeddb and localStorage live for the whole file. */
export const freshQueue = (): string => `test-queue-${++n}-${Math.random().toString(36).slice(2)}`;

/** Core options for tests. */
const CORE = { writeKey: 'test-key' };

/**
 * Opens a "tab": the real client with `collector(options)`, once its setup and its
 * start cycle (which picks up earlier pages' events) are done. `core` adds client options
 * (consent, say).
 */
export async function openTab(
  options: Partial<CollectorOptions> & { queue: { name: string } },
  core: Partial<SightlineOptions> = {},
): Promise<TransportTab> {
  // No rate limit unless a test asks for one: tests send bursts of one event name.
  const plugin = collector({ endpoint: COLLECTOR, ratePerName: 0, ...options });
  const errors: SightlineError[] = [];
  // Only the transport's and the queue's own reports: the core's are its tests' business.
  const client = createSightline({ ...CORE, ...core, onError: (e) => /^(transport|storage)\//.test(e.code) && errors.push(e) });
  await client.use(plugin);
  await settle();
  return {
    client,
    plugin,
    errors,
    track: (event, properties) => client.track(event, properties),
    flush: () => client.flush(),
    destroy: () => client.destroy(),
  };
}
