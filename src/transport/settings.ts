import { MAX_TIMER_MS } from '../lib/max-timer';
import * as D from './constants';
import type { CollectorFormat, CollectorOptions } from './options';

/**
 * What a collector runs on: each option read, checked and defaulted once. A tuple, so that
 * neither bundle carries a name for it (the size budgets: docs/delivery.md).
 */
export type CollectorSettings = [
  endpoint: string,
  timeoutMs: number,
  ratePerName: number,
  maxEvents: number,
  maxBytes: number,
  intervalMs: number,
  baseMs: number,
  capMs: number,
  queueEvents: number,
  queueBytes: number,
  format: CollectorFormat,
  /** Without one, the client's (read at setup). */
  writeKey: string | undefined,
  compress: CollectorOptions['compress'],
  headers: Record<string, string> | undefined,
  /** The queue's name: its IndexedDB database and localStorage keys. */
  name: string,
  /** Paths of the options given that could not be used: reported at setup (`transport/invalid-option`). */
  invalid: string[],
];

/**
 * Every option at its default but the endpoint and format. The script tag's collector runs
 * on these (a tag sets no other option), so it carries none of {@link readSettings}' checks;
 * a spec holds the two to the same defaults.
 */
export const defaultSettings = (endpoint: string, format: CollectorFormat, invalid: string[]): CollectorSettings => [
  endpoint,
  D.TIMEOUT_MS,
  D.RATE_PER_NAME,
  D.BATCH_EVENTS,
  D.KEEPALIVE_BYTES,
  D.BATCH_INTERVAL_MS,
  D.RETRY_BASE_MS,
  D.RETRY_CAP_MS,
  D.QUEUE_EVENTS,
  D.QUEUE_BYTES,
  format,
  undefined,
  undefined,
  undefined,
  `sightline:${endpoint}`,
  invalid,
];

/**
 * Reads what a page passed to `collector()`. Plain JavaScript may pass anything, null
 * included: nothing here throws into the page. An option that is absent takes its default.
 * One of the wrong type or out of range would lose every event (`batch.maxBytes: 0` makes
 * each too large, `headers: null` fails every request) or retry in a tight loop
 * (`retry.capMs: NaN`), so it takes its default too, and its path in the options
 * ('batch.maxEvents': `options.batch.maxEvents`; a group given as null is empty) goes to
 * `invalid`. An option whose getter throws reads as one that cannot be used.
 */
export const readSettings = (options: CollectorOptions): CollectorSettings => {
  const o = Object(options) as CollectorOptions;
  const invalid: string[] = [];
  const read = <T,>(option: string, fallback: T, valid: (value: T) => unknown): T => {
    let value: T | null = null;
    try {
      value = option.split('.').reduce((group, key) => Object(group)[key], o as unknown) as T;
    } catch {
      // reported below
    }
    return value !== undefined && valid(value as T) ? (value as T) : (value === undefined || invalid.push(option), fallback);
  };
  const num = (option: string, fallback: number, min = 1, max = MAX_TIMER_MS): number =>
    read(option, fallback, (value) => typeof value == 'number' && value >= min && value <= max);
  // Checked at setup, which fails without one.
  const endpoint = read('endpoint', '', () => 1);
  return [
    endpoint,
    num('timeoutMs', D.TIMEOUT_MS),
    num('ratePerName', D.RATE_PER_NAME, 0),
    num('batch.maxEvents', D.BATCH_EVENTS),
    // A request body's ceiling: never past the keepalive budget, so any batch can leave at page exit.
    num('batch.maxBytes', D.KEEPALIVE_BYTES, D.MIN_BODY_BYTES, D.KEEPALIVE_BYTES),
    num('batch.intervalMs', D.BATCH_INTERVAL_MS, 0),
    num('retry.baseMs', D.RETRY_BASE_MS),
    num('retry.capMs', D.RETRY_CAP_MS),
    num('queue.maxEvents', D.QUEUE_EVENTS),
    num('queue.maxBytes', D.QUEUE_BYTES),
    // Strict comparisons: `==` would convert an object, and one without a prototype throws.
    read<CollectorFormat>('format', 'native', (f) => f === 'native' || f === 'segment' || typeof f == 'function'),
    read<string | undefined>('writeKey', undefined, (key) => typeof key == 'string'),
    read<CollectorOptions['compress']>('compress', undefined, (fn) => typeof fn == 'function'),
    // What fetch would refuse (a name with a space, a value with a line break) is refused here, once.
    read<Record<string, string> | undefined>('headers', undefined, (h) => {
      try {
        // A record of names and values: Headers also takes what is iterable (a list of pairs, a
        // Map, a Headers), which would not spread.
        return Object(h) === h && !(Symbol.iterator in h!) && new Headers(h);
      } catch {
        // Not headers fetch can send.
      }
    }),
    // The default needs a string endpoint: without one, setup fails and the name goes unused.
    read('queue.name', `sightline:${typeof endpoint == 'string' && endpoint}`, (n) => typeof n == 'string'),
    invalid,
  ];
};
