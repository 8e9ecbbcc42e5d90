// @vitest-environment node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../examples/collector/options';
import { readStartArgs, wantsHelp } from '../../examples/start-args';

const START = fileURLToPath(new URL('../../examples/start.ts', import.meta.url));
const COLLECTOR_URL = 'http://127.0.0.1:4318';

describe('readStartArgs (npm start)', () => {
  it('reads the chaos flags and the data folder for the collector it starts', () => {
    const argv = ['--fail-rate', '0.3', '--latency', '200', '--drop-connection', '0.1', '--data-dir', '/tmp/x'];
    expect(readStartArgs(argv, {})).toEqual({
      smoke: false, failRate: 0.3, latencyMs: 200, dropConnectionRate: 0.1, collectorUrl: undefined, dataDir: '/tmp/x',
    });
  });

  it('uses a collector already running with --collector-url, and smokes with CI=true', () => {
    expect(readStartArgs(['--collector-url', COLLECTOR_URL], { CI: 'true' })).toEqual({
      smoke: true, failRate: undefined, latencyMs: undefined, dropConnectionRate: undefined, collectorUrl: COLLECTOR_URL, dataDir: defaultDataDir(),
    });
  });

  // With --collector-url npm start runs no collector: these flags would be ignored without a word.
  it.each([
    [['--fail-rate', '0.5']],
    [['--latency', '200']],
    [['--drop-connection', '0.1']],
    [['--data-dir', '/tmp/x']],
  ])('refuses %j with --collector-url, naming it and the collector CLI', (flag) => {
    expect(() => readStartArgs(['--collector-url', COLLECTOR_URL, ...flag], {})).toThrow(
      new RegExp(`^${flag[0]} cannot be used with --collector-url.*node examples/collector/cli\\.ts ${flag[0]} `),
    );
  });

  it.each([
    [['--fail-rate', 'lots'], '--fail-rate must be a number, got "lots"'],
    [['--latency', ''], '--latency must be a number, got ""'],
    [['--drop-connection', 'NaN'], '--drop-connection must be a number, got "NaN"'],
  ])('refuses %j, which is no number', (flag, why) => {
    expect(() => readStartArgs(flag, {})).toThrow(why);
  });

  it('is asked for its usage with --help or -h', () => {
    expect([wantsHelp(['--help']), wantsHelp(['--smoke', '-h']), wantsHelp(['--smoke'])]).toEqual([true, true, false]);
  });

  it('names every such flag given at once', () => {
    expect(() => readStartArgs(['--latency', '1', '--collector-url', COLLECTOR_URL, '--data-dir', 'd'], {})).toThrow(
      /^--latency, --data-dir cannot be used with --collector-url.* --latency MS --data-dir DIR$/,
    );
  });
});

describe('npm start (examples/start.ts) with --collector-url and a collector flag', () => {
  it('exits 2 with the reason and the usage, starting nothing', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [START, '--smoke', '--collector-url', COLLECTOR_URL, '--fail-rate', '0.5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STORE_PORT: '0', CI: '' }, // a free port, should it start the shop after all
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let code: number | null;
    try {
      code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-rate cannot be used with --collector-url');
    expect(stderr).toContain('usage: node examples/start.ts');
    expect(stdout).toBe('');
  });
});
