// @vitest-environment node
// The whole path on the sample fixture: CLI → model file → loader (msw) → plugin → events.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/node/main';
import { recommender } from '../../src/recommend/recommender';
import { modelCache } from '../../src/storage/model-cache';
import { recoClient } from '../utils/recommend-client';
import { sampleSessions, tempDir, writeSessionFile } from '../utils/recommend-fixture';
import { freshCacheName, modelServer } from '../utils/recommend-server';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('sightline-train CLI', () => {
  it('prints usage and exits 0 with --help', async () => {
    const out: string[] = [];
    expect(await main(['--help'], (t) => out.push(t))).toBe(0);
    expect(out.join('\n')).toContain('Usage: sightline-train');
  });

  it.each([[['--format', 'xml', 'in.txt']], [['in.txt', '--shard-size', 'lots']], [[]]])('exits 2 on bad arguments %j', async (argv) => {
    expect(await main(argv, () => {})).toBe(2);
  });

  // Taken but unusable, each would write a model that recommends from popularity only, a
  // manifest the browser refuses, or parameters tuned on almost nothing, and still exit 0.
  it.each([
    [['--param', 'sessionDecay=0'], '--param sessionDecay needs a number above 0, got 0'],
    [['--param', 'afterDecay=-1'], '--param afterDecay needs a number above 0, got -1'],
    [['--param', 'transitionWeight'], '--param transitionWeight needs a share from 0 to 1, got nothing'],
    [['--param', 'transitionWeight=1.5'], '--param transitionWeight needs a share from 0 to 1, got 1.5'],
    [['--param', 'neighbors=5'], 'Unknown --param neighbors: one of neighbours, sample,'],
    [['--shard-size', '0'], '--shard-size needs a positive integer, got 0'],
    [['--shard-size', '2.5'], '--shard-size needs a positive integer, got 2.5'],
    [['--validation', '10'], '--validation needs a share between 0 and 1, got 10'],
    [['--validation-cases', ''], '--validation-cases needs a positive integer, got '],
  ])('exits 2 and says why on %j', async (flags, why) => {
    const out: string[] = [];
    expect(await main(['in.txt', ...flags], (t) => out.push(t))).toBe(2);
    expect(out.join('\n')).toContain(why);
  });

  it('takes parameters of 0 where 0 means something (no time decay, no self weight)', async () => {
    const dir = await tempDir();
    const input = await writeSessionFile(join(dir, 'sessions.txt'), sampleSessions());
    const output = join(dir, 'm.slrm');
    expect(await main([input, '-o', output, '--no-tune', '--param', 'timeDecay=0', '--param', 'selfWeight=0', '--validation-cases', '50', '--quiet'], () => {})).toBe(0);
    const report = JSON.parse(await readFile(`${output}.report.json`, 'utf8')) as { params: Record<string, number> };
    expect(report.params).toMatchObject({ timeDecay: 0, selfWeight: 0 });
  });

  it.each([
    ['an empty file', '', 'read as sessions: 0 lines'],
    ['sessions of one item', 'a\nb\n', 'read as sessions: 2 lines'],
    ['an event log without product events', `${JSON.stringify({ type: 'page', anonymousId: 'v', timestamp: '2024-05-01T10:00:00Z' })}\n`, 'read as events: 1 line, 0 product events'],
    ['an event log whose lines are cut', '{"type":"track","event":"Product Viewed"\n{"type":\n', 'read as events: 2 lines, 2 lines not JSON objects, 0 product events'],
  ])('exits 1, writes no model and says why on %s', async (_, text, why) => {
    const dir = await tempDir();
    const input = join(dir, 'input.txt');
    await writeFile(input, text);
    const out: string[] = [];
    expect(await main([input, '-o', join(dir, 'm.slrm'), '--quiet'], (t) => out.push(t))).toBe(1);
    expect(out.join('\n')).toContain(`sightline-train: no sessions to train on in ${input} (${why})`);
    await expect(readFile(join(dir, 'm.slrm'))).rejects.toThrow(/ENOENT/);
  });

  it('counts the lines of an event log it could not read in its report', async () => {
    const dir = await tempDir();
    const input = join(dir, 'events.ndjson');
    const event = (item: string, t: number) => JSON.stringify({ type: 'track', event: 'Product Viewed', anonymousId: 'v', timestamp: new Date(1714557600000 + t).toISOString(), properties: { product_id: item } });
    await writeFile(input, [event('a', 0), '{"cut', event('b', 1000), '', 'garbage'].join('\n'));
    const out: string[] = [];
    expect(await main([input, '-o', join(dir, 'm.slrm'), '--no-tune', '--quiet'], (t) => out.push(t))).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'm.slrm.report.json'), 'utf8'));
    expect(report.corpus).toMatchObject({ lines: 5, unreadable: 2, events: 2, sessions: 1 });
    expect(out.join('\n')).toMatch(/corpus\s+1 sessions, 2 items, 2 clicks \(2 lines not JSON objects, skipped\)/);
  });

  it('exits 1 with a message when the input cannot be read', async () => {
    const out: string[] = [];
    expect(await main([join(await tempDir(), 'missing.txt'), '-o', join(await tempDir(), 'm.slrm')], (t) => out.push(t))).toBe(1);
    expect(out.join('\n')).toMatch(/^sightline-train: cannot read .*missing\.txt: ENOENT/);
  });

  it('exits 1 naming the file when a gzip input is corrupt', async () => {
    const dir = await tempDir();
    const input = join(dir, 'sessions.txt.gz');
    await writeFile(input, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]));
    const out: string[] = [];
    expect(await main([input, '-o', join(dir, 'm.slrm')], (t) => out.push(t))).toBe(1);
    expect(out.join('\n')).toContain(`sightline-train: cannot read ${input}: `);
  });
});

describe('end to end on the sample click log', () => {
  it('trains with the CLI, loads in the browser path, recommends and measures', async () => {
    const dir = await tempDir();
    const input = await writeSessionFile(join(dir, 'sessions.txt.gz'), sampleSessions());
    const printed: string[] = [];
    const code = await main([input, '-o', join(dir, 'model.slrm'), '--tune-passes', '1', '--validation-cases', '300', '--quiet'], (t) => printed.push(t));
    expect(code).toBe(0);
    expect(printed.join('\n')).toMatch(/HR@20 \/ MRR@20\s+[\d.]+ \/ [\d.]+/);

    const srv = modelServer(server);
    srv.files.set('/model.slrm', { body: new Uint8Array(await readFile(join(dir, 'model.slrm'))), etag: '"1"' });
    const client = recoClient();
    const reco = recommender({ model: srv.url('/model.slrm'), loader: { cache: modelCache(freshCacheName()) }, persist: false });
    await client.use(reco);
    const model = await reco.ready;
    expect(model.meta.source).toBe('network');

    // A shopper retraces the first steps of a known session.
    const session = sampleSessions().find((s) => s.length >= 4)!;
    session.slice(0, 2).forEach((id) => client.deliver('Product Viewed', { product_id: id }));
    const list = reco.recommend({ k: 4 });
    expect(list).toHaveLength(4);
    expect(list.filter((r) => r.reason === 'similar-sessions').length).toBeGreaterThan(0);
    reco.viewed('pdp', list);
    reco.clicked('pdp', list[0]!, 1);
    expect(client.tracked.map((t) => t.event)).toEqual(['Recommendation Viewed', 'Recommendation Clicked']);
    expect(client.errors).toEqual([]);
  });
});
