import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DIST_DIR, WRITE_KEY } from './e2e-stack';

/** A page server of its own on 127.0.0.1: pages the storefront does not have, served as a shop without `no-store` would. */
export interface PageServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** Serves `html` at `path` from now on. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * Serves the registered pages and the built SDK under `/sdk/` (from {@link DIST_DIR}), on a
 * port the system picks. A real server, unlike a page a test fulfils itself: the browser
 * puts its pages in the loopback address space, so they may call the collector on
 * 127.0.0.1 (Chromium's local network access checks).
 */
export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const html = pages.get(path);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(html);
      return;
    }
    const file = path.match(/^\/sdk\/([\w.-]+\.js)$/)?.[1];
    if (!file) return void res.writeHead(404).end();
    readFile(join(DIST_DIR, file)).then(
      (code) => res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' }).end(code),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    page: (path, html) => void pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The script tag of a page served by {@link startPageServer}: the built SDK sending to
 * `collectorUrl` in the segment format, consent given; `attributes` adds more `data-*`.
 */
export const sdkTag = (collectorUrl: string, attributes = ''): string =>
  `<script src="/sdk/sightline.iife.js" data-endpoint="${collectorUrl}" data-format="segment" data-write-key="${WRITE_KEY}" data-consent="granted"${attributes}></script>`;

/**
 * A page that tracks nothing by itself (autocapture off), so what it sends comes only from
 * what a test tracks there and from the queue the tabs of the shop share.
 */
export const quietPage = (collectorUrl: string, title = 'Shop'): string =>
  `<!doctype html><title>${title}</title>${sdkTag(collectorUrl, ' data-autocapture="none"')}`;

/** A {@link startPageServer} for the tests of this file (or describe): started before them, closed after. */
export function usePageServer(): () => PageServer {
  let pages: PageServer | undefined;
  beforeAll(async () => {
    pages = await startPageServer();
  });
  afterAll(() => pages?.close());
  return () => pages!;
}
