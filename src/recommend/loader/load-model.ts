import type { SightlineError } from '../../types';
import type { ModelCache } from '../../storage/model-cache';
import { isBuiltIn, modelCache } from '../../storage/model-cache';
import { decodeModel } from '../decode';
import { RECOMMEND_ERRORS } from '../errors';
import type { Model, ModelSource } from '../model/model';
import { fallbackModel } from '../model/model';
import { fetchBytes } from './fetch-bytes';
import type { LoadModelOptions } from './options';
import { LOAD_DEFAULTS, requestOptions } from './options';
import { runOnce } from '../../lib/run-once';
import { ownCache } from './own-cache';
import { shardFetcher } from './shard-fetcher';

/** One load: the resolved URL, options and helpers every step shares. */
export interface LoadContext {
  url: string;
  o: LoadModelOptions;
  cache: ModelCache | undefined;
  report(error: SightlineError): void;
  decode(bytes: Uint8Array, source: ModelSource): { model: Model } | { error: SightlineError };
  /**
   * Set while a cached manifest is in use: asks the server for a newer one (once). A shard
   * from another build means the model was rebuilt since the manifest was cached.
   */
  outdated?(): void;
}

/**
 * Loads a model for the browser. Never rejects, never throws: a fresh cached copy is
 * used as is; a stale one is used at once and revalidated in the background (ETag /
 * Last-Modified, stale-while-revalidate); otherwise the file is fetched, validated and
 * cached. A missing, corrupt or wrong-version model is reported (`recommend/model-*`)
 * and a popularity model (`options.popular`, else empty) is returned instead.
 */
export const loadModel = async (url: string, given?: LoadModelOptions): Promise<Model> => {
  // Plain JavaScript may pass null or anything else: no options.
  const options = Object(given) as LoadModelOptions;
  const report = (error: SightlineError): void => {
    try {
      options.onError?.(error);
    } catch {
      // The caller's error handler threw; nothing else to tell.
    }
  };
  try {
    return await load(loadContext(url, options, report));
  } catch (error) {
    const e: SightlineError = { code: RECOMMEND_ERRORS.modelUnavailable, message: `Model could not be loaded: ${String(error)}`, source: 'sdk', detail: { url } };
    report(e);
    return fallbackModel(options.popular, e);
  }
};

const loadContext = (url: string, o: LoadModelOptions, report: (e: SightlineError) => void): LoadContext => {
  const absolute = resolveUrl(url);
  const given = o.cache;
  const cache = given === false ? undefined : given === true || given === undefined ? modelCache() : isBuiltIn(given) ? given : ownCache(given, absolute, report);
  const ctx: LoadContext = {
    url: absolute,
    o,
    cache,
    report,
    decode: (bytes, source) => decodeModel(bytes, { source, fetchShard: shardFetcher(ctx) }),
  };
  return ctx;
};

const load = async (ctx: LoadContext): Promise<Model> => {
  const cached = await ctx.cache?.get(ctx.url);
  if (cached) {
    const r = ctx.decode(cached.bytes, 'cache');
    if ('model' in r) {
      ctx.outdated = runOnce(() => void revalidate(ctx, cached));
      // A copy dated ahead of the clock (stored while it ran fast) is of unknown age: revalidate it too.
      const age = Date.now() - cached.storedAt;
      if (!(age >= 0 && age < (ctx.o.maxAgeMs ?? LOAD_DEFAULTS.maxAgeMs))) ctx.outdated();
      return r.model;
    }
    // Our own copy is unusable (an SDK upgrade changed the format, or the disk lied): drop it.
    await ctx.cache?.delete(ctx.url);
  }
  const got = await fetchBytes(ctx.url, { ...requestOptions(ctx.o) });
  if (got.status !== 'ok') return fail(ctx, got.status === 'error' ? got.error : unexpected304(ctx.url));
  const r = ctx.decode(got.bytes, 'network');
  if ('error' in r) return fail(ctx, { ...r.error, detail: { ...r.error.detail, url: ctx.url } });
  await ctx.cache?.put({ url: ctx.url, bytes: got.bytes, storedAt: Date.now(), ...validators(got) });
  return r.model;
};

/** Asks the server whether the cached copy is current; a newer, valid model goes to `onUpdate`. */
const revalidate = async (ctx: LoadContext, cached: { bytes: Uint8Array; etag?: string; lastModified?: string }): Promise<void> => {
  const got = await fetchBytes(ctx.url, { ...requestOptions(ctx.o), ...validators(cached) });
  if (got.status === 'not-modified') return ctx.cache?.touch(ctx.url, Date.now());
  if (got.status === 'error') return ctx.report(got.error);
  const r = ctx.decode(got.bytes, 'network');
  if ('error' in r) return ctx.report({ ...r.error, detail: { ...r.error.detail, url: ctx.url } });
  await ctx.cache?.put({ url: ctx.url, bytes: got.bytes, storedAt: Date.now(), ...validators(got) });
  try {
    ctx.o.onUpdate?.(r.model);
  } catch (error) {
    ctx.report({ code: RECOMMEND_ERRORS.listenerFailed, message: `onUpdate threw: ${String(error)}`, source: 'user' });
  }
};

const fail = (ctx: LoadContext, error: SightlineError): Model => {
  ctx.report(error);
  return fallbackModel(ctx.o.popular, error);
};

const validators = (v: { etag?: string; lastModified?: string }) => ({
  ...(v.etag ? { etag: v.etag } : {}),
  ...(v.lastModified ? { lastModified: v.lastModified } : {}),
});

// A 304 to a request without validators is a server bug; treat it as unavailable.
const unexpected304 = (url: string): SightlineError => ({
  code: RECOMMEND_ERRORS.modelUnavailable,
  message: 'Model request answered 304 without a cached copy',
  source: 'network',
  detail: { url, status: 304 },
});

const resolveUrl = (url: string): string => {
  try {
    return new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
  } catch {
    return url;
  }
};
