import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectorContext } from './context.ts';
import { resolveOptions, type CollectorOptions } from './options.ts';
import { createRouter } from './router.ts';
import { openStore, type CollectorStore } from './store.ts';
import { createEventStream } from './stream.ts';

export type { CollectorOptions } from './options.ts';
export type { CollectorStore } from './store.ts';
export type { StoredEvent } from './stored-event.ts';
export type { CollectorStats } from './stats.ts';
export type { EventFilter } from './query.ts';
export type { IngestResponse } from './ingest.ts';
export { CollectorErrorCode } from './errors.ts';

/** A running collector. */
export interface RunningCollector {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The event store, for assertions and ad-hoc SQL (`db.sqlite`). */
  db: CollectorStore;
  /** Ends live streams, stops listening, closes open sockets and the database. */
  close(): Promise<void>;
}

/**
 * Starts the reference collector: ingestion (`/v1/batch`, `/v1/native`, `/collect`),
 * the read API (`/api/*`), a live stream and the dashboard at `/`. Resolves once it listens.
 */
export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const resolved = resolveOptions(options);
  const store = openStore(resolved.dataDir);
  const stream = createEventStream(resolved.heartbeatMs);
  const ctx: CollectorContext = { options: resolved, store, stream, port: 0 };
  const server = createServer({ keepAliveTimeout: 5_000 }, createRouter(ctx));
  // A malformed request line or header: answer 400 instead of letting the error surface.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  try {
    await listen(server, resolved.port, resolved.host);
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${resolved.host}:${port}`;
  ctx.port = port;
  return { url, port, db: store, close: closer(server, ctx) };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closer(server: Server, ctx: CollectorContext): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      ctx.stream.close();
      server.close(() => {
        ctx.store.close();
        resolve();
      });
      // Keep-alive and half-sent requests would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };
}
