import { fileURLToPath } from 'node:url';

/** Options of `startCollector`; every one is optional. */
export interface CollectorOptions {
  /** Port to listen on; 0 (the default) lets the system pick a free one. */
  port?: number;
  /** Interface to bind; only loopback is supported (default `127.0.0.1`). */
  host?: '127.0.0.1';
  /** Folder holding `events.db` (created if missing); `':memory:'` keeps nothing on disk. */
  dataDir?: string;
  /** When set, ingestion requires this write key (Basic auth user, `writeKey` in the body or query). */
  writeKey?: string;
  /** Origins allowed to send and read; `'*'` for any. Default: any localhost/127.0.0.1 origin. */
  allowedOrigins?: string[] | '*';
  /** Chaos: share of ingestion requests answered 500/503/429 (0–1, default 0). */
  failRate?: number;
  /** Chaos: the `Retry-After` of its 429 answers, in seconds (0–3600, default 1). */
  retryAfterS?: number;
  /** Chaos: delay before answering each ingestion request, in ms (default 0). */
  latencyMs?: number;
  /** Chaos: share of ingestion requests whose socket is destroyed unanswered (0–1, default 0). */
  dropConnectionRate?: number;
  /** Largest accepted body, compressed or not, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** No log line per batch. */
  quiet?: boolean;
  /** Source of randomness for chaos (default `Math.random`); inject one for deterministic tests. */
  random?: () => number;
  /** Interval of the SSE heartbeat comments, in ms (default 15 s). */
  heartbeatMs?: number;
  /** Where log lines go (default `console.log`). */
  log?: (line: string) => void;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<CollectorOptions, 'writeKey'>> & { writeKey: string | undefined };

/** 1 MB: ten times the largest batch the SDK sends, small enough to refuse abuse quickly. */
export const DEFAULT_MAX_BODY_BYTES = 1_000_000;
/** 15 s: under the 30–60 s idle timeouts of common proxies, so the stream stays open. */
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** The default data folder: `examples/collector/data` (ignored by git). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('./data/', import.meta.url));
}

/** Fills in defaults and rejects values that would make the collector misbehave. */
export function resolveOptions(options: CollectorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir ?? defaultDataDir(),
    writeKey: options.writeKey === '' ? undefined : options.writeKey,
    allowedOrigins: options.allowedOrigins ?? [],
    failRate: options.failRate ?? 0,
    retryAfterS: options.retryAfterS ?? 1,
    latencyMs: options.latencyMs ?? 0,
    dropConnectionRate: options.dropConnectionRate ?? 0,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    quiet: options.quiet ?? false,
    random: options.random ?? Math.random,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    log: options.log ?? ((line) => console.log(line)),
  };
  checkRange('port', resolved.port, 0, 65_535);
  checkRange('failRate', resolved.failRate, 0, 1);
  checkRange('retryAfterS', resolved.retryAfterS, 0, 3600);
  // HTTP's Retry-After counts whole seconds.
  if (!Number.isInteger(resolved.retryAfterS)) throw new RangeError(`retryAfterS must be whole seconds, got ${resolved.retryAfterS}`);
  checkRange('dropConnectionRate', resolved.dropConnectionRate, 0, 1);
  checkRange('latencyMs', resolved.latencyMs, 0, 600_000);
  checkRange('maxBodyBytes', resolved.maxBodyBytes, 1, 1_000_000_000);
  checkRange('heartbeatMs', resolved.heartbeatMs, 1, 3_600_000);
  if (resolved.host !== '127.0.0.1') throw new RangeError('host must be 127.0.0.1');
  return resolved;
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
}
