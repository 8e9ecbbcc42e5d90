// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../examples/collector/cli';
import { makeDataDir, post, removeDataDir, trackEvent } from './utils/harness';

const CLI = fileURLToPath(new URL('../../examples/collector/cli.ts', import.meta.url));

describe('parseCliArgs', () => {
  it('maps every flag to a collector option', () => {
    const argv = ['--port', '0', '--data-dir', '/tmp/x', '--write-key', 'K', '--fail-rate', '0.3', '--retry-after', '5', '--latency', '200',
      '--drop-connection', '0.1', '--max-body', '5000', '--allowed-origins', 'https://a.example, https://b.example', '--quiet'];
    expect(parseCliArgs(argv)).toEqual({
      help: false, port: 0, dataDir: '/tmp/x', writeKey: 'K', failRate: 0.3, retryAfterS: 5, latencyMs: 200, dropConnectionRate: 0.1,
      maxBodyBytes: 5000, allowedOrigins: ['https://a.example', 'https://b.example'], quiet: true,
    });
  });

  it('defaults to port 4318', () => {
    expect(parseCliArgs([]).port).toBe(4318);
  });

  it.each([
    [['--fail-rate', 'lots'], /--fail-rate must be a number/],
    [['--latency', ''], /--latency must be a number/],
    [['--bogus'], /Unknown option/],
    [['--write-key', ''], /--write-key must not be empty/],
    [['--write-key', '  '], /--write-key must not be empty/],
  ])('throws a readable error for %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('collector CLI', () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) await removeDataDir(dataDir);
    child = dataDir = undefined;
  });

  /** Resolves with the first stdout text matching `pattern`. */
  const readUntil = (proc: ChildProcess, pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = out.match(pattern);
        if (match) resolve(match);
      });
      proc.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${out}`)));
    });
  const exitCode = (proc: ChildProcess) => new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

  it.each(['SIGTERM', 'SIGINT'] as const)('prints its URL, serves, and exits 0 on %s', async (signal) => {
    dataDir = await makeDataDir();
    child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [, url] = await readUntil(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const res = await post(`${url}/collect`, [trackEvent('Product Viewed')]);
    expect(res.json).toMatchObject({ ok: true, stored: 1 });
    const exited = exitCode(child);
    child.kill(signal);
    expect(await exited).toBe(0);
  });

  it('exits 2 with the usage on a bad flag', async () => {
    child = spawn(process.execPath, [CLI, '--fail-rate', 'lots'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('Usage:');
  });
});
