/** The command line of `npm start` (examples/start.ts). */
import { parseArgs } from 'node:util';
import { numberFlag } from './collector/flags.ts';
import { defaultDataDir } from './collector/options.ts';

export const START_USAGE =
  'usage: node examples/start.ts [--smoke] [--fail-rate R] [--latency MS] [--drop-connection R] [--collector-url URL] [--data-dir DIR] [--help]';

/** Whether `npm start` was asked for its usage (`--help` or `-h`): printed, and nothing started. */
export const wantsHelp = (argv: string[]): boolean => argv.includes('--help') || argv.includes('-h');

/** Flags that set up the collector `npm start` runs, as the collector CLI spells them with their value. */
const COLLECTOR_FLAGS = { 'fail-rate': 'R', latency: 'MS', 'drop-connection': 'R', 'data-dir': 'DIR' } as const;

/** What `npm start` was asked for. */
export interface StartArgs {
  smoke: boolean;
  failRate: number | undefined;
  latencyMs: number | undefined;
  dropConnectionRate: number | undefined;
  collectorUrl: string | undefined;
  dataDir: string;
}

/** Reads the flags (and CI=true, which means --smoke); throws an Error that says what is wrong. */
export function readStartArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): StartArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      'fail-rate': { type: 'string' },
      latency: { type: 'string' },
      'drop-connection': { type: 'string' },
      'collector-url': { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  if (values['collector-url']) refuseCollectorFlags(values);
  // As the collector CLI reads them: a value that is no number is a mistake on the command line.
  const num = (flag: 'fail-rate' | 'latency' | 'drop-connection'): number | undefined => numberFlag(flag, values[flag]);
  return {
    smoke: values.smoke || env.CI === 'true',
    failRate: num('fail-rate'),
    latencyMs: num('latency'),
    dropConnectionRate: num('drop-connection'),
    collectorUrl: values['collector-url'],
    dataDir: values['data-dir'] ?? defaultDataDir(),
  };
}

/** With --collector-url no collector is started, so its flags would be ignored without a word. */
function refuseCollectorFlags(values: Partial<Record<keyof typeof COLLECTOR_FLAGS, string>>): void {
  const given = (Object.keys(COLLECTOR_FLAGS) as (keyof typeof COLLECTOR_FLAGS)[]).filter((flag) => values[flag] !== undefined);
  if (given.length === 0) return;
  const names = given.map((flag) => `--${flag}`).join(', ');
  const cli = given.map((flag) => `--${flag} ${COLLECTOR_FLAGS[flag]}`).join(' ');
  throw new Error(`${names} cannot be used with --collector-url: they set up the collector npm start runs, `
    + `and with --collector-url it runs none. Give them to the collector you run instead: node examples/collector/cli.ts ${cli}`);
}
