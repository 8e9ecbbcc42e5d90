import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../../examples/collector/server';

/** A collector on a free port over a fresh temp data folder, and how to tear both down. */
export interface TestCollector extends RunningCollector {
  dataDir: string;
  /** Closes the server and removes the data folder. */
  stop(): Promise<void>;
}

/** Makes a temp data folder (removed by `removeDataDir`). */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sightline-collector-'));
}

/** Removes a temp data folder. */
export function removeDataDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Starts a quiet collector on port 0; pass `dataDir` to reuse one (restart tests). */
export async function startTestCollector(options: CollectorOptions = {}): Promise<TestCollector> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  let collector: RunningCollector;
  try {
    collector = await startCollector({ quiet: true, ...options, port: 0, dataDir });
  } catch (error) {
    if (!options.dataDir) await removeDataDir(dataDir);
    throw error;
  }
  return {
    ...collector,
    dataDir,
    async stop() {
      await collector.close();
      if (!options.dataDir) await removeDataDir(dataDir);
    },
  };
}

/**
 * For a describe block: returns `start(options)`, which starts a test collector that is
 * stopped (and its data folder removed) after the test that started it.
 */
export function useTestCollector(): (options?: CollectorOptions) => Promise<TestCollector> {
  let collector: TestCollector | undefined;
  afterEach(async () => {
    await collector?.stop();
    collector = undefined;
  });
  return async (options) => (collector = await startTestCollector(options));
}

/** A valid sightline/Segment track event; override any field. */
export function trackEvent(event: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'track',
    event,
    properties: {},
    anonymousId: 'anon-1',
    userId: null,
    messageId: randomUUID(),
    timestamp: new Date().toISOString(),
    context: { library: { name: 'sightline', version: '0.0.0-test' }, session: { id: 'session-1' } },
    ...overrides,
  };
}

/** `{ a: { a: … 1 } }`: `depth` objects, one inside the other. */
export function nestedObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** POSTs a JSON value (or raw text/bytes) and returns status, headers and parsed JSON. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: any }> {
  // A copy into a fresh ArrayBuffer: fetch's types refuse views over a SharedArrayBuffer.
  const raw = typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', body: raw, headers: { 'Content-Type': 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** GETs JSON from the read API. */
export async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A raw HTTP request to 127.0.0.1 (fetch cannot set Host), resolving with status and body text. */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
