import { gunzipSync } from 'node:zlib';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SightlineEvent } from '../../src/types';

/** Same origin as happy-dom's page, so no CORS preflight gets in the way. */
export const COLLECTOR = 'http://localhost:3000/collect';

/** One request the fake collector received. */
export interface Received {
  url: string;
  headers: Headers;
  /** Raw body bytes (as sent, maybe gzipped). */
  bytes: number;
  body: { batch: SightlineEvent[]; sentAt: string; writeKey?: string };
  status: number;
}

/** A scripted answer: a status, optional headers. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Drop the connection instead of answering (a network error). */
  error?: boolean;
  /** Never answer (the client's timeout must end it). */
  hang?: boolean;
  /** Answer this many ms (of the test's clock) late. */
  delayMs?: number;
}

/**
 * A fake collector at the network boundary (msw). Answers the scripted statuses in
 * order, then 200; records every request with its decoded body.
 */
export function useTransportCollector() {
  const received: Received[] = [];
  let script: Answer[] = [];
  const handle = async ({ request }: { request: Request }) => {
    const raw = new Uint8Array(await request.arrayBuffer());
    const gz = request.headers.get('content-encoding') === 'gzip';
    const text = new TextDecoder().decode(gz ? gunzipSync(raw) : raw);
    const next = script.shift() ?? { status: 200 };
    if (next.hang) await delay('infinite');
    if (next.delayMs) await delay(next.delayMs);
    if (next.error) return HttpResponse.error();
    received.push({ url: request.url, headers: request.headers, bytes: raw.byteLength, body: JSON.parse(text), status: next.status });
    return new HttpResponse(null, { status: next.status, headers: next.headers });
  };
  const server = setupServer(http.post('http://localhost:3000/*', handle));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    received.length = 0;
    script = [];
  });
  afterAll(() => server.close());

  return {
    received,
    /** Answers the next requests with these, in order. */
    answer(...answers: (Answer | number)[]) {
      script.push(...answers.map((a) => (typeof a === 'number' ? { status: a } : a)));
    },
    /** Event names of every request received, whatever its answer, in arrival order (duplicates kept). */
    names(): (string | undefined)[] {
      return received.flatMap((r) => r.body.batch.map((e) => e.event));
    },
    /** messageIds of events in 2xx-answered requests, in arrival order (duplicates kept). */
    delivered(): string[] {
      return received.filter((r) => r.status < 300).flatMap((r) => r.body.batch.map((e) => e.messageId));
    },
  };
}
