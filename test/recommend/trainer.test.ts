// @vitest-environment node
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorpus } from '../../src/node/corpus';
import { readEventLog } from '../../src/node/read-events';
import { readSessionFile } from '../../src/node/read-sessions';
import { validationSplit } from '../../src/node/split';
import { train } from '../../src/node/train';
import { decodeModel } from '../../src/recommend/decode';
import { decodeModelFile } from '../../src/recommend/format/decode-file';
import { eventLogOf, ndjson, ordered, viewed } from '../utils/recommend-events';
import { sampleSessions, tempDir, writeSessionFile } from '../utils/recommend-fixture';

const QUICK = { validationCases: 400 } as const;
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function corpusOfLog(lines: string): Promise<string[][]> {
  const path = join(dir, `log-${Math.random().toString(36).slice(2)}.ndjson`);
  await writeFile(path, lines);
  const corpus = createCorpus(1);
  await readEventLog(path, corpus);
  const offsets = corpus.offsets();
  const items = corpus.items();
  return Array.from({ length: corpus.sessionCount }, (_, s) => Array.from(items.subarray(offsets[s]!, offsets[s + 1]!), (i) => corpus.ids[i]!));
}

describe('trainer on the sample click log', () => {
  it('trains from a session file and writes a model the browser decoder reads', async () => {
    const input = await writeSessionFile(join(dir, 'sessions.txt'), sampleSessions());
    const report = await train({ input, output: join(dir, 'a/model.slrm'), ...QUICK });
    const r = decodeModel(new Uint8Array(await readFile(join(dir, 'a/model.slrm'))));
    if (!('model' in r)) throw new Error(r.error.message);
    const kept = sampleSessions().filter((s) => s.length >= 2);
    expect(r.model.meta).toMatchObject({ version: report.version, sessionCount: kept.length, itemCount: new Set(kept.flat()).size });
    expect(r.model.params).toEqual(report.params);
  });

  it('reports corpus, validation metrics, size, timings and memory as JSON', async () => {
    const input = await writeSessionFile(join(dir, 'sessions2.txt'), sampleSessions());
    await train({ input, output: join(dir, 'b/model.slrm'), ...QUICK });
    const report = JSON.parse(await readFile(join(dir, 'b/model.slrm.report.json'), 'utf8'));
    expect(report).toMatchObject({ format: 'sessions', corpus: { sessions: expect.any(Number) }, model: { files: 1 } });
    expect(report.validation.metrics.hr20).toBeGreaterThan(0);
    expect(report.validation.trials).toBeGreaterThan(1);
    expect(['converged', 'passes']).toContain(report.validation.stopped);
    expect(report.model.gzipBytes).toBeLessThan(report.model.bytes);
    expect(report.peakRssMB).toBeGreaterThan(0);
  });

  it('keeps the first 200 items of a session in a session file, as for an event log', async () => {
    const path = await writeSessionFile(join(dir, 'long.txt'), [Array.from({ length: 300 }, (_, i) => `i${i}`), ['a', 'b']]);
    const corpus = createCorpus(1);
    await readSessionFile(path, corpus);
    expect(Array.from(corpus.offsets())).toEqual([0, 200, 202]);
  });

  it('reads gzip session files', async () => {
    const input = await writeSessionFile(join(dir, 'sessions.txt.gz'), sampleSessions());
    const report = await train({ input, output: join(dir, 'c/model.slrm'), tune: 'none' });
    expect(report.corpus.sessions).toBe(sampleSessions().filter((s) => s.length >= 2).length);
  });

  it('trains from an event log and detects its format', async () => {
    const input = join(dir, 'events.ndjson.gz');
    await writeFile(input, gzipSync(ndjson(eventLogOf(sampleSessions()))));
    const report = await train({ input, output: join(dir, 'd/model.slrm'), tune: 'none' });
    expect(report.format).toBe('events');
    expect(report.corpus.sessions).toBe(sampleSessions().filter((s) => s.length >= 2).length);
  });

  it('writes a manifest and shards with a shard size', async () => {
    const input = await writeSessionFile(join(dir, 'sessions3.txt'), sampleSessions());
    const report = await train({ input, output: join(dir, 'e/model.slrm'), shardSize: 2000, tune: 'none' });
    const shards = Math.ceil(report.corpus.items / 2000);
    expect(report.output.map((p) => p.slice(dir.length))).toEqual(['/e/model.slrm', ...Array.from({ length: shards }, (_, i) => `/e/model.${i}.slrm`)]);
    const manifest = decodeModelFile(new Uint8Array(await readFile(join(dir, 'e/model.slrm'))));
    expect('shards' in manifest && manifest.shards?.length).toBe(shards);
  });
});

describe('trainer event log reading', () => {
  const T = Date.UTC(2024, 4, 1);

  it('splits a visitor into sessions after 30 minutes without events', async () => {
    const log = [viewed('v', 'a', T), viewed('v', 'b', T + 60_000), viewed('v', 'c', T + 60_000 + 31 * 60_000)];
    expect(await corpusOfLog(ndjson(log))).toEqual([['a', 'b'], ['c']]);
  });

  it('puts sessions in the corpus in the order they ended, when a visitor comes back after others left', async () => {
    const day = 24 * 3600_000;
    const log = [
      viewed('a', 'a1', T), viewed('a', 'a2', T + 1000),
      viewed('b', 'b1', T + 1.5 * day), viewed('b', 'b2', T + 1.5 * day + 1000),
      viewed('a', 'a3', T + 2 * day), viewed('a', 'a4', T + 2 * day + 1000),
      viewed('a', 'a5', T + 3 * day), viewed('a', 'a6', T + 3 * day + 1000),
    ];
    // The newest sessions are held out for validation: they must be the newest.
    expect(await corpusOfLog(ndjson(log))).toEqual([['a1', 'a2'], ['b1', 'b2'], ['a3', 'a4'], ['a5', 'a6']]);
  });

  it('groups by context.session.id when events carry it', async () => {
    const log = [viewed('v', 'a', T, 's1'), viewed('v', 'b', T + 1000, 's2'), viewed('v', 'c', T + 2000, 's1')];
    expect(await corpusOfLog(ndjson(log))).toEqual([['b'], ['a', 'c']]);
  });

  it('takes every product of Order Completed', async () => {
    expect(await corpusOfLog(ndjson([viewed('v', 'a', T), ordered('v', ['a', 'b'], T + 1000)]))).toEqual([['a', 'a', 'b']]);
  });

  it('reads an event log that starts with a byte order mark (exports of Windows tools)', async () => {
    expect(await corpusOfLog(`\uFEFF${ndjson([viewed('v', 'a', T), viewed('v', 'b', T + 1000)])}`)).toEqual([['a', 'b']]);
  });

  it('reads a session file that starts with a byte order mark', async () => {
    const path = join(dir, 'bom.txt');
    await writeFile(path, '\uFEFFa b\r\nc d\r\n');
    const corpus = createCorpus(1);
    await readSessionFile(path, corpus);
    expect(corpus.ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads collector rows, batches, and skips lines it cannot use', async () => {
    const lines = [
      JSON.stringify({ id: 1, payload: viewed('v', 'a', T) }),
      JSON.stringify({ batch: [viewed('v', 'b', T + 1), { type: 'page', properties: {} }] }),
      'not json',
      JSON.stringify({ ...viewed('v', 'c', T + 2), timestamp: 'yesterday' }),
      '',
    ].join('\n');
    expect(await corpusOfLog(lines)).toEqual([['a', 'b']]);
  });
});

describe('validation split', () => {
  it('holds out the newest sessions and drops items unseen before them', () => {
    const corpus = createCorpus();
    [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'new', 'a', 'b'], ['new', 'zz']].forEach((s) => corpus.add(s));
    const split = validationSplit({ offsets: corpus.offsets(), items: corpus.items() }, corpus.ids.length, 0.4);
    const name = (i: number): string => corpus.ids[i]!;
    expect(split.train.offsets.length - 1).toBe(3);
    expect(split.cases.map((c) => [Array.from(c.prefix, name), name(c.label)])).toEqual([
      [['c'], 'a'],
      [['c', 'a'], 'b'],
    ]);
  });
});
