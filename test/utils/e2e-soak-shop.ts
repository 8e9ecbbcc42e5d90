import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';

/** What the soak shop's collector does with a POST instead of storing it. */
export type Fault = 'network' | '500' | '429' | '413';
/**
 * `open` stores and answers 200; `slow` too, each answer {@link SLOW_MS} late at most (well
 * within the SDK's request timeout); a fault refuses (`413` only bodies past {@link TOO_LARGE_BYTES}).
 */
export type Mode = 'open' | 'slow' | Fault;

/** The longest a `slow` collector waits to answer. */
export const SLOW_MS = 1_500;

/** Bodies the `413` fault refuses are longer than this (once gunzipped). */
export const TOO_LARGE_BYTES = 8_000;

/** A POST that reached the soak shop's collector. */
export interface Arrival {
  /** The page load (document) that sent it: the last part of its endpoint. */
  doc: string;
  /** The `n` of the soak's events it carried. */
  events: number[];
  /** When it arrived, and when it was answered or its connection cut (Infinity until then), by the test's clock. */
  at: number;
  answered: number;
  /** Answered 200 (the events count as delivered); otherwise refused by a fault. */
  stored: boolean;
  status: number | 'cut';
  /** Sent with `Content-Encoding: gzip`. */
  gzipped: boolean;
}

/**
 * A shop and its collector on one origin (no CORS), on 127.0.0.1 and a port the system
 * picks: pages registered with `page()`, and POSTs to `/d/<doc>` (the `native` format) or
 * `/d/<doc>/v1/batch` (`segment`), gzipped or not, each recorded as an {@link Arrival},
 * whatever sent it: a fetch, a keepalive request or a beacon of a page already gone.
 */
export interface SoakShop {
  url: string;
  mode: Mode;
  arrivals: Arrival[];
  page(path: string, html: string): void;
  close(): Promise<void>;
}

/** The `n` of the soak's events a body carries (none when it is not a JSON batch). */
const eventsIn = (body: string): number[] => {
  try {
    const { batch } = JSON.parse(body) as { batch: { properties?: { n?: unknown } }[] };
    return batch.map((event) => event.properties?.n).filter((n): n is number => typeof n == 'number');
  } catch {
    return [];
  }
};

export async function startSoakShop(): Promise<SoakShop> {
  const pages = new Map<string, string>();
  const shop = { mode: 'open', arrivals: [] as Arrival[] } as SoakShop;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'POST') {
      const html = pages.get(path);
      if (html === undefined) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(html);
    }
    const doc = path.match(/^\/d\/(\w+)/)?.[1];
    if (!doc) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const gzipped = req.headers['content-encoding'] === 'gzip';
      let body = '';
      try {
        body = (gzipped ? gunzipSync(raw) : raw).toString();
      } catch {
        // Not the gzip its header claims: it carries no event the soak can read.
      }
      const arrival: Arrival = { doc, events: eventsIn(body), at: Date.now(), answered: Infinity, stored: false, status: 200, gzipped };
      shop.arrivals.push(arrival);
      const { mode } = shop;
      const refuse = mode !== 'open' && mode !== 'slow' && (mode !== '413' || body.length > TOO_LARGE_BYTES);
      if (refuse && mode === 'network') {
        arrival.answered = Date.now();
        arrival.status = 'cut';
        return void req.socket.destroy();
      }
      arrival.status = refuse ? Number(mode) : 200;
      // Stored as it arrives: a page that goes before the answer never reads it.
      arrival.stored = !refuse;
      const answer = () => {
        arrival.answered = Date.now();
        res.writeHead(arrival.status as number, mode === '429' ? { 'retry-after': '1' } : {}).end();
      };
      if (mode === 'slow') setTimeout(answer, Math.random() * SLOW_MS);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  shop.page = (path, html) => void pages.set(path, html);
  shop.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return shop;
}

/** A {@link startSoakShop} for the tests of this file: started before them, closed after. */
export function useSoakShop(): () => SoakShop {
  let shop: SoakShop | undefined;
  beforeAll(async () => {
    shop = await startSoakShop();
  });
  afterAll(() => shop?.close());
  return () => shop!;
}
