import type { Plugin, SightlineEvent } from '../types';

/** What the pipeline tells the client about one event. */
export interface PipelineHooks {
  /** A stage threw or rejected. */
  fail(plugin: Plugin, stage: string, error: unknown): void;
  /** `before` or `enrich` dropped the event (returned null, or `before` failed). */
  drop(event: SightlineEvent, plugin: Plugin): void;
  /** The event leaves `enrich` and is handed to destinations. */
  handoff(event: SightlineEvent): void;
}

const STAGES = ['before', 'enrich', 'destination', 'after'] as const;

/**
 * Runs one event through every plugin's stages, `before → enrich → destination → after`,
 * after analytics-next's `attempt`: a failure is a value, never rethrown. A stage returning
 * a plain value runs on synchronously; only a returned promise is awaited (the result then
 * settles when the event is done). Never throws, never rejects.
 *
 * `i` walks stage by stage: stage `i / n`, plugin `i % n`; an awaited stage resumes at `i + 1`.
 */
export function runPipeline(plugins: Plugin[], ev: SightlineEvent, h: PipelineHooks, i = 0): void | Promise<void> {
  const n = plugins.length;
  // Settles the stage at `i`: reports a failure, drops the event, or takes the event returned.
  const settle = (x: unknown, failed?: boolean): boolean => {
    const p = plugins[i % n]!;
    const s = (i / n) | 0;
    if (failed) h.fail(p, STAGES[s]!, x);
    if (s > 1) return true;
    if (failed ? !s : x === null) return h.drop(ev, p), false;
    if (x && typeof x == 'object' && !failed) ev = x as SightlineEvent;
    return true;
  };
  const resume = (x: unknown, failed?: boolean): void | Promise<void> => (settle(x, failed) ? runPipeline(plugins, ev, h, i + 1) : undefined);

  for (; i < 4 * n; i++) {
    if (i == 2 * n) h.handoff(ev);
    let x: unknown;
    try {
      const p = plugins[i % n]!;
      const fn = p[STAGES[(i / n) | 0]!] as ((e: SightlineEvent) => unknown) | undefined;
      if (typeof fn != 'function') continue;
      x = fn.call(p, ev);
      if (x && typeof (x as PromiseLike<unknown>).then == 'function')
        return Promise.resolve(x).then(resume, (e) => resume(e, true));
    } catch (e) {
      if (!settle(e, true)) return;
      continue;
    }
    if (!settle(x)) return;
  }
  if (!n) h.handoff(ev);
}
