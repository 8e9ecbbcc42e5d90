import type { ServerResponse } from 'node:http';
import type { StoredEvent } from './stored-event.ts';

/** Live fan-out of stored events to `GET /api/stream` clients (server-sent events). */
export interface EventStream {
  /** Takes over a response and keeps it open until the client leaves. */
  subscribe(res: ServerResponse): void;
  /** Pushes one stored event to every client as `data: <json>`. */
  publish(event: StoredEvent): void;
  /** How many clients are connected. */
  size(): number;
  /** Ends every stream and stops the heartbeat. */
  close(): void;
}

/** Reconnect delay suggested to EventSource clients, in ms. */
const RETRY_MS = 2000;

/** Creates the hub; the heartbeat timer runs only while a client is connected. */
export function createEventStream(heartbeatMs: number): EventStream {
  const clients = new Set<ServerResponse>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const write = (res: ServerResponse, chunk: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(chunk);
  };
  const remove = (res: ServerResponse) => {
    clients.delete(res);
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };
  const startHeartbeat = () => {
    // A comment line keeps proxies and the browser from timing the idle stream out.
    heartbeat ??= setInterval(() => clients.forEach((res) => write(res, ': heartbeat\n\n')), heartbeatMs);
    heartbeat.unref();
  };

  return {
    subscribe(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      clients.add(res);
      startHeartbeat();
      // The response closes when the client leaves (or the collector ends the stream).
      res.on('close', () => remove(res));
      res.on('error', () => remove(res));
    },
    publish(event) {
      const chunk = `data: ${JSON.stringify(event)}\n\n`;
      clients.forEach((res) => write(res, chunk));
    },
    size: () => clients.size,
    close() {
      clients.forEach((res) => res.end());
      clients.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
    },
  };
}
