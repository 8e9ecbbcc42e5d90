import type { ResolvedOptions } from './options.ts';
import type { CollectorStore } from './store.ts';
import type { EventStream } from './stream.ts';

/** What every request handler can reach: the options, the store and the live stream. */
export interface CollectorContext {
  readonly options: ResolvedOptions;
  readonly store: CollectorStore;
  readonly stream: EventStream;
  /** The collector's own origin (`http://127.0.0.1:PORT`), always allowed by CORS. */
  origin: string;
}
