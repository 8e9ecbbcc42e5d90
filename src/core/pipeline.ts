import type { Plugin, SightlineEvent } from '../types';
import type { Hooks } from './hooks';

const STAGES = ['before', 'enrich', 'destination', 'after'] as const;

/** Reports a plugin stage that threw or rejected: `plugin/failed` with the plugin and stage. */
export const pluginFailed = (report: Hooks['report'], p: Plugin, stage: string, e: unknown): void => {
  report('plugin/failed', 'sdk', { plugin: p.name, stage }, e);
};

/** Calls an optional method of a plugin (setup, flush, teardown); a throw becomes a rejection. */
export const callPlugin = async (p: Plugin, method: 'setup' | 'flush' | 'teardown', arg: unknown): Promise<void> => {
  const fn = p[method] as ((arg: unknown) => unknown) | undefined;
  await (fn && fn.call(p, arg));
};

/**
 * Runs one event through every plugin's stages, `before → enrich → destination → after`,
 * after analytics-next's `attempt`: a failure is a value, never rethrown. A stage returning
 * a plain value runs on synchronously; only a returned promise is awaited. Emits `event`
 * when the event leaves `enrich`, and `drop` when `before` or `enrich` drops it (returns
 * null, or `before` fails). Never rejects.
 */
export const runPipeline = async (plugins: Plugin[], ev: SightlineEvent, { emit, report }: Pick<Hooks, 'emit' | 'report'>): Promise<void> => {
  for (const [s, stage] of STAGES.entries()) {
    if (s == 2) emit('event', ev);
    for (const p of plugins) {
      let x: unknown;
      try {
        const fn = p[stage] as ((e: SightlineEvent) => unknown) | undefined;
        if (typeof fn != 'function') continue;
        x = fn.call(p, ev);
        if (x && typeof (x as PromiseLike<unknown>).then == 'function') x = await x;
      } catch (e) {
        pluginFailed(report, p, stage, e);
        // A failing `before` cancels the event; elsewhere the event goes on.
        if (s) continue;
        x = null;
      }
      if (s > 1) continue;
      if (x === null) return emit('drop', { event: ev, reason: 'plugin', plugin: p.name });
      if (x && typeof x == 'object') ev = x as SightlineEvent;
    }
  }
};
