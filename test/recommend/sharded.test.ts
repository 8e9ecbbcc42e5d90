// @vitest-environment node
// Node's fetch (see loader.test.ts): msw sees every shard request.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeModel } from '../../src/recommend/decode';
import { RECOMMEND_ERRORS } from '../../src/recommend/errors';
import { encodeModel } from '../../src/recommend/format/encode-model';
import { encodeSharded } from '../../src/recommend/format/encode-sharded';
import { loadModel } from '../../src/recommend/loader/load-model';
import type { Model } from '../../src/recommend/model/model';
import { rankItems } from '../../src/recommend/rank';
import { recommender } from '../../src/recommend/recommender';
import { modelCache } from '../../src/storage/model-cache';
import type { SightlineError } from '../../src/types';
import { recoClient } from '../utils/recommend-client';
import { fixtureInput, sampleSessions } from '../utils/recommend-fixture';
import { freshCacheName, modelServer } from '../utils/recommend-server';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const input = fixtureInput(sampleSessions());
const SHARD = 1000;
const sharded = encodeSharded(input, SHARD, 'm');
const full = (decodeModel(encodeModel(input)) as { model: Model }).model;

let srv: ReturnType<typeof modelServer>;
let errors: SightlineError[];
beforeEach(() => {
  srv = modelServer(server);
  errors = [];
  srv.files.set('/m.slrm', { body: sharded.manifest, etag: '"m"' });
  sharded.shards.forEach((s) => srv.files.set(`/${s.file}`, { body: s.bytes }));
});

const load = (): Promise<Model> => loadModel(srv.url('/m.slrm'), { cache: modelCache(freshCacheName()), onError: (e) => errors.push(e) });
const ranking = (model: Model, items: string[]): string[] => rankItems(model, { items, limit: 10 }).map((r) => model.ids.idOf(r.index));

describe('sharded models', () => {
  it('writes one shard per range of item indexes', () => {
    expect(sharded.shards.map((s) => s.file)).toEqual(Array.from({ length: Math.ceil(input.ids.length / SHARD) }, (_, i) => `m.${i}.slrm`));
  });

  it('loads the manifest alone at first', async () => {
    const model = await load();
    expect(model.meta).toMatchObject({ sharded: true, itemCount: input.ids.length, version: 'fixture-1' });
    expect(srv.seen.map((r) => r.url)).toEqual(['/m.slrm']);
  });

  it('fetches only the shards of the items a session touches', async () => {
    const model = await load();
    const items = [input.ids[5]!, input.ids[SHARD * 2 + 3]!];
    await model.store.prepare?.(items.map((id) => model.ids.indexOf(id)));
    expect(srv.seen.map((r) => r.url)).toEqual(['/m.slrm', '/m.0.slrm', '/m.2.slrm']);
  });

  it('ranks exactly like the single-file model once the shards are in', async () => {
    const model = await load();
    const session = sampleSessions().find((s) => s.length >= 3)!.slice(0, 3);
    await model.store.prepare?.(session.map((id) => model.ids.indexOf(id)));
    expect(ranking(model, session)).toEqual(ranking(full, session));
  });

  it('ranks from popularity for items whose shard is not loaded yet', async () => {
    const model = await load();
    expect(rankItems(model, { items: [input.ids[5]!], limit: 3 }).every((r) => r.source === 'popular')).toBe(true);
  });

  it('lets the recommender fetch the shard of a product the shopper views', async () => {
    const client = recoClient();
    const reco = recommender({ model: srv.url('/m.slrm'), loader: { cache: modelCache(freshCacheName()) }, persist: false });
    await client.use(reco);
    await reco.ready;
    client.deliver('Product Viewed', { product_id: input.ids[SHARD * 3 + 7]! });
    await vi.waitFor(() => expect(srv.seen.map((r) => r.url)).toEqual(['/m.slrm', '/m.3.slrm']));
  });

  it('reports a missing shard and keeps answering', async () => {
    srv.files.delete('/m.1.slrm');
    const model = await load();
    await model.store.prepare?.([SHARD + 1]);
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.shardUnavailable })]);
    expect(rankItems(model, { items: [input.ids[SHARD + 1]!], limit: 3 })).toHaveLength(3);
  });

  it('refuses a shard from another build', async () => {
    const other = encodeSharded({ ...input, version: 'other', builtAt: 1 }, SHARD, 'm');
    srv.files.set('/m.0.slrm', { body: other.shards[0]!.bytes });
    const model = await load();
    await model.store.prepare?.([1]);
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.shardUnavailable })]);
  });

  it('asks for the newer manifest at once when a shard shows the cached one is from an older build', async () => {
    const cache = modelCache(freshCacheName());
    await loadModel(srv.url('/m.slrm'), { cache });
    // The shop retrains: the same file names now hold the next build.
    const next = encodeSharded({ ...input, version: 'next', builtAt: 2 }, SHARD, 'm');
    srv.files.set('/m.slrm', { body: next.manifest, etag: '"next"' });
    next.shards.forEach((s) => srv.files.set(`/${s.file}`, { body: s.bytes }));
    let updated: Model | undefined;
    // Well within the default hour, the cached manifest would be used without asking.
    const model = await loadModel(srv.url('/m.slrm'), { cache, onError: (e) => errors.push(e), onUpdate: (m) => (updated = m) });
    expect(model.meta.version).toBe('fixture-1');
    await model.store.prepare?.([1]);
    await vi.waitFor(() => expect(updated?.meta.version).toBe('next'));
    await updated!.store.prepare?.([1]);
    expect(rankItems(updated!, { items: [input.ids[1]!], limit: 3 }).every((r) => r.source === 'neighbours')).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ code: RECOMMEND_ERRORS.shardUnavailable })]);
  });

  it('fetches shards with the credentials the manifest was fetched with', async () => {
    const seen: (RequestCredentials | undefined)[] = [];
    const model = await loadModel(srv.url('/m.slrm'), {
      cache: false,
      credentials: 'include',
      fetch: (url, init) => (seen.push(init?.credentials), fetch(url, init)),
    });
    await model.store.prepare?.([1]);
    expect(seen).toEqual(['include', 'include']);
  });
});
