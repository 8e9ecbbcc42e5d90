import type { ResolvedOptions } from './options.ts';
import type { CollectorStore } from './store.ts';
import type { EventStream } from './stream.ts';

/** What every request handler can reach: the options, the store and the live stream. */
export interface CollectorContext {
  readonly options: ResolvedOptions;
  readonly store: CollectorStore;
  readonly stream: EventStream;
  /** The port it listens on: a loopback origin on it is the collector's own page, always allowed by CORS. */
  port: number;
}
