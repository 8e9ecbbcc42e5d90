#!/usr/bin/env node
/**
 * Runs the reference collector until SIGINT/SIGTERM:
 *   node examples/collector/cli.ts --port 4318 --data-dir ./examples/collector/data \
 *     --write-key K --fail-rate 0.3 --latency 200 --drop-connection 0.1
 */
import { parseArgs } from 'node:util';
import type { CollectorOptions } from './options.ts';
import { startCollector } from './server.ts';
import { numberFlag } from './flags.ts';

const USAGE = `Usage: node examples/collector/cli.ts [options]
  --port N              port on 127.0.0.1 (default 4318; 0 picks a free one)
  --data-dir DIR        folder of events.db (default examples/collector/data)
  --write-key KEY       require this write key
  --allowed-origins L   comma-separated origins, or * (default: any localhost origin)
  --fail-rate R         chaos: answer 500/503/429 to this share of batches (0-1)
  --retry-after S       chaos: the Retry-After of those 429s, in seconds (default 1)
  --latency MS          chaos: delay every ingestion answer
  --drop-connection R   chaos: destroy the socket of this share of batches (0-1)
  --max-body BYTES      largest body accepted (default 1000000)
  --quiet               no log line per batch
  --help`;

/** Turns command-line flags into collector options; throws a readable Error on bad input. */
export function parseCliArgs(argv: string[]): CollectorOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4318' },
      'data-dir': { type: 'string' },
      'write-key': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'fail-rate': { type: 'string' },
      'retry-after': { type: 'string' },
      latency: { type: 'string' },
      'drop-connection': { type: 'string' },
      'max-body': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const origins = values['allowed-origins'];
  // An empty key (`--write-key ""`, an unset variable in a script) would turn the check off.
  if (values['write-key']?.trim() === '') throw new Error('--write-key must not be empty: leave the flag out to accept any key');
  return {
    help: values.help,
    port: numberFlag('port', values.port),
    dataDir: values['data-dir'],
    writeKey: values['write-key'],
    allowedOrigins: origins === undefined ? undefined : origins === '*' ? '*' : origins.split(',').map((o) => o.trim()).filter(Boolean),
    failRate: numberFlag('fail-rate', values['fail-rate']),
    retryAfterS: numberFlag('retry-after', values['retry-after']),
    latencyMs: numberFlag('latency', values.latency),
    dropConnectionRate: numberFlag('drop-connection', values['drop-connection']),
    maxBodyBytes: numberFlag('max-body', values['max-body']),
    quiet: values.quiet,
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) return void console.log(USAGE);
  const { help: _help, ...collectorOptions } = options;
  const collector = await startCollector(collectorOptions);
  console.log(`sightline collector listening on ${collector.url} (dashboard: ${collector.url}/, data: ${collector.db.path})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // A second signal: the user wants out now.
    stopping = true;
    console.log(`${signal}: stopping collector`);
    collector.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Run only when executed, so tests can import parseCliArgs.
if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(`collector failed to start: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  });
}
