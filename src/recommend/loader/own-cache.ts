import type { SightlineError } from '../../types';
import type { ModelCache } from '../../storage/model-cache';
import { MODEL_CACHE_OPEN_MS } from '../../storage/model-cache';
import { deadline } from '../../lib/deadline';
import { RECOMMEND_ERRORS } from '../errors';

/**
 * A cache of the shop's own (the `cache` option), held to the contract of the built-in one:
 * a call that throws, rejects, is missing or has not settled within
 * {@link MODEL_CACHE_OPEN_MS} counts as a miss (a `get`) or as done, and the load goes on
 * without it. The first such call of a load is reported (`recommend/cache-failed`); the
 * others would only repeat it, once per shard.
 */
export const ownCache = (cache: ModelCache, url: string, report: (error: SightlineError) => void): ModelCache => {
  let reported = false;
  const call =
    (name: keyof ModelCache) =>
    (...args: unknown[]): Promise<never> =>
      deadline(
        // A throw, or a method that is not there, rejects here (plain JavaScript may pass anything).
        new Promise((run) => run((cache as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args))),
        MODEL_CACHE_OPEN_MS,
        () => 'no answer in time',
      ).catch((error) => {
        if (!reported) report({ code: RECOMMEND_ERRORS.cacheFailed, message: `Model cache ${name}() failed: ${String(error)}`, source: 'user', detail: { url, call: name } });
        reported = true;
      }) as Promise<never>;
  return { get: call('get'), put: call('put'), touch: call('touch'), delete: call('delete') };
};
