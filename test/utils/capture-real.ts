import { createSightline } from '../../src/core';
import type { Plugin, SightlineClient, SightlineError, SightlineEvent, SightlineOptions } from '../../src/types';

/** A real client (consent, validation, redaction, pipeline) whose only destination records events. */
export interface RecordedClient {
  client: SightlineClient;
  events: SightlineEvent[];
  errors: SightlineError[];
  /** Waits until every call so far went through the pipeline. */
  settle(): Promise<void>;
  /** Recorded `track` events named `name`. */
  tracked(name: string): SightlineEvent[];
}

/** Creates the real client with `plugins` after a recording destination. */
export async function createRecordedClient(plugins: Plugin[], options: SightlineOptions = {}): Promise<RecordedClient> {
  const events: SightlineEvent[] = [];
  const errors: SightlineError[] = [];
  const recorder: Plugin = { name: 'recorder', destination: (event) => void events.push(event) };
  const client = createSightline({ ...options, plugins: [recorder, ...plugins], onError: (error) => void errors.push(error) });
  const settle = (): Promise<void> => client.flush();
  await settle();
  return { client, events, errors, settle, tracked: (name) => events.filter((e) => e.type === 'track' && e.event === name) };
}
