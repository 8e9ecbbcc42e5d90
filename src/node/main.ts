import { parseArgs } from 'node:util';
import type { KnnParams } from '../recommend/knn/params';
import { DEFAULT_KNN_PARAMS, isParamValue, paramRule } from '../recommend/knn/params';
import { reportTable } from './report';
import type { TrainOptions } from './train';
import { train } from './train';

/** `sightline-train --help`. */
export const USAGE = `Usage: sightline-train <input> -o <model.slrm> [options]

  <input>                  event log (NDJSON, as exported from the collector) or session
                           file (one session of item ids per line); plain or .gz
  -o, --output <file>      model file to write (default: model.slrm)
  --format <kind>          events | sessions | auto (default: auto)
  --shard-size <n>         write a manifest plus shards of n items each
  --validation <share>     newest share of sessions held out for tuning (default: 0.1)
  --no-tune                keep default parameters (still reports validation metrics)
  --tune-passes <n>        passes of the parameter search over its grid (default: 1)
  --tune-budget <seconds>  optional time limit of the search (default: none; a limit
                           makes the chosen parameters depend on machine speed)
  --validation-cases <n>   validation cases sampled for the search (default: 10000)
  --param <name=value>     fix a parameter, e.g. --param neighbours=300 (repeatable)
  --model-version <id>     version id written into the model (default: build time)
  --quiet                  print only the final table
  -h, --help               show this help`;

/** Runs the trainer CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  let opts: TrainOptions;
  try {
    opts = parse(argv, print);
  } catch (error) {
    print(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!opts.input) {
    print(USAGE);
    return argv.includes('-h') || argv.includes('--help') ? 0 : 2;
  }
  try {
    const report = await train(opts);
    print(reportTable(report));
    return 0;
  } catch (error) {
    print(`sightline-train: ${(error as Error).message}`);
    return 1;
  }
}

/** The CLI's flags (node:util parseArgs). */
const FLAGS = {
  output: { type: 'string', short: 'o', default: 'model.slrm' },
  format: { type: 'string', default: 'auto' },
  'shard-size': { type: 'string' },
  validation: { type: 'string' },
  'no-tune': { type: 'boolean' },
  'tune-budget': { type: 'string' },
  'tune-passes': { type: 'string' },
  'validation-cases': { type: 'string' },
  param: { type: 'string', multiple: true },
  'model-version': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[], print: (text: string) => void): TrainOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: FLAGS,
  });
  if (values.help) return { input: '', output: '' };
  const format = values.format;
  if (format !== 'auto' && format !== 'events' && format !== 'sessions') throw new Error(`Unknown --format ${format}`);
  // Each number flag says what it accepts: a flag taken but not usable (a shard size of 2.5,
  // --validation 10 meant as 10 %) would write a broken model or tune on almost nothing.
  const num = (v: string | undefined, name: string, rule: Rule = 'positive integer'): number | undefined => {
    if (v === undefined) return undefined;
    const n = toNumber(v);
    if (!RULES[rule](n)) throw new Error(`--${name} needs a ${rule}, got ${v}`);
    return n;
  };
  const params: Partial<KnnParams> = {};
  for (const p of values.param ?? []) {
    const at = p.indexOf('=');
    const name = at < 0 ? p : p.slice(0, at);
    const value = at < 0 ? '' : p.slice(at + 1);
    if (!Object.hasOwn(DEFAULT_KNN_PARAMS, name)) throw new Error(`Unknown --param ${name}: one of ${Object.keys(DEFAULT_KNN_PARAMS).join(', ')}`);
    const n = toNumber(value);
    if (!isParamValue(name, n)) throw new Error(`--param ${name} needs ${paramRule(name)}, got ${value || 'nothing'}`);
    (params as Record<string, number>)[name] = n;
  }
  const opt = <K extends keyof TrainOptions>(key: K, v: TrainOptions[K] | undefined): Partial<TrainOptions> => (v === undefined ? {} : { [key]: v });
  return {
    input: positionals[0] ?? '',
    output: values.output,
    format,
    params,
    tune: values['no-tune'] ? 'none' : 'quick',
    ...opt('shardSize', num(values['shard-size'], 'shard-size')),
    ...opt('validation', num(values.validation, 'validation', 'share between 0 and 1')),
    ...opt('tuneBudgetMs', mapMs(num(values['tune-budget'], 'tune-budget', 'number of seconds above 0'))),
    ...opt('tunePasses', num(values['tune-passes'], 'tune-passes')),
    ...opt('validationCases', num(values['validation-cases'], 'validation-cases')),
    ...opt('version', values['model-version']),
    ...(values.quiet ? {} : { log: print }),
  };
}

/** A flag's number; an empty value is none (`Number('')` would read it as 0). */
const toNumber = (v: string): number => (v.trim() === '' ? NaN : Number(v));

const RULES = {
  'positive integer': (n: number) => Number.isInteger(n) && n >= 1,
  'share between 0 and 1': (n: number) => n > 0 && n < 1,
  'number of seconds above 0': (n: number) => Number.isFinite(n) && n > 0,
} as const;
type Rule = keyof typeof RULES;

const mapMs = (s: number | undefined): number | undefined => (s === undefined ? undefined : s * 1000);
