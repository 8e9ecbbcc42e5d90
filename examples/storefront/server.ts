import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notFoundPage, pageFor, renderPage, type PageName } from './pages.ts';
import { DEFAULT_MODEL_FILE, ensureModel } from './reco/build-model.ts';
import { withRecommendations } from './reco/inject.ts';
import { MODEL_PATH, modelHandler } from './reco/serve-model.ts';
import { configModule, type SnippetOptions } from './snippet.ts';
import { safeJoin, sendFile } from './static.ts';
import { VENDOR_PACKAGES } from './vendor.ts';

/** Options of {@link startStorefront}. */
export interface StorefrontOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The collector the pages send to, e.g. `http://127.0.0.1:4318`. */
  collectorUrl: string;
  /** Folder with the built SDK, served under `/sdk/` (default: the repository's `dist/`). */
  distDir?: string;
  /** Folder with idb-keyval and web-vitals for the ESM page (default: the repository's `node_modules/`). */
  nodeModulesDir?: string;
  /** Write key in the script tag (default `demo`). */
  writeKey?: string;
  /** The script tag's `data-consent` (default `denied`: nothing is sent until the shopper accepts). */
  consent?: 'denied' | 'granted';
  /** The script tag's `data-debug` (default true: the SDK logs to the console). */
  debug?: boolean;
  /** The script tag's `data-autocapture` (default `all`). */
  autocapture?: string;
  /**
   * The recommendation model served at `/reco/model.slrm` (default
   * `examples/storefront/data/model.slrm`), trained at start when missing or stale.
   */
  modelFile?: string;
}

/** A running storefront. */
export interface RunningStorefront {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PUBLIC_DIR = here('./public/');
const VENDOR = /^\/vendor\/([^/]+)\/(.+)$/;

/** The browser's SPA routes and titles (public/js/data/routes.js, no DOM), for the HTML's `<title>`. */
interface SpaRoutes {
  parseRoute(url: URL): unknown;
  routeTitle(route: unknown): string;
  routeFound(route: unknown): boolean;
}
let spaRoutes: Promise<SpaRoutes> | undefined;
// Loaded at the first request (a failure is then that request's 500). A computed specifier
// keeps TypeScript from wanting declarations for a .js file (as reco/catalog.ts).
const routes = () => (spaRoutes ??= import(new URL('./public/js/data/routes.js', import.meta.url).href) as Promise<SpaRoutes>);

/**
 * The title and status of a page: the SPA shell's depend on its route. A product or category
 * the shop does not have is a 404 (the shell still renders, and says so), so crawlers and QA
 * tools see what a shopper sees.
 */
async function titleOf(page: PageName, url: URL): Promise<{ title?: string; status: number }> {
  if (page !== 'shop') return { status: 200 };
  const { parseRoute, routeTitle, routeFound } = await routes();
  const spa = parseRoute(url);
  return { title: routeTitle(spa), status: routeFound(spa) ? 200 : 404 };
}

type Settings = SnippetOptions & { distDir: string; nodeModulesDir: string; model: ReturnType<typeof modelHandler> };

async function route(settings: Settings, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headOnly = req.method === 'HEAD';
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { pathname } = url;
  const page = pageFor(pathname);
  if (page) {
    const { title, status } = await titleOf(page, url);
    const html = renderPage(page, settings, title);
    return send(res, status, 'text/html; charset=utf-8', withRecommendations(html, settings.nodeModulesDir), headOnly);
  }
  if (pathname === MODEL_PATH) return settings.model(req, res);
  if (pathname === '/config.js') return send(res, 200, 'text/javascript; charset=utf-8', configModule(settings), headOnly);
  if (pathname === '/healthz') return send(res, 200, 'application/json', '{"ok":true}', headOnly);
  const vendor = pathname.match(VENDOR);
  let file: string | null = null;
  if (pathname.startsWith('/sdk/')) file = safeJoin(settings.distDir, pathname.slice('/sdk/'.length));
  else if (vendor && (VENDOR_PACKAGES as readonly string[]).includes(vendor[1]!)) {
    file = safeJoin(join(settings.nodeModulesDir, vendor[1]!), vendor[2]!);
  } else if (!pathname.endsWith('.html')) file = safeJoin(PUBLIC_DIR, pathname);
  if (file && (await sendFile(res, file, headOnly))) return;
  send(res, 404, 'text/html; charset=utf-8', notFoundPage(), headOnly);
}

// `no-cache`: the browser asks again every time, so QA always sees the latest build. Not
// `no-store`, which would keep the shop's pages out of the back/forward cache.
function send(res: ServerResponse, status: number, type: string, body: string, headOnly: boolean): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
  res.end(headOnly ? undefined : body);
}

function handler(settings: Settings) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    route(settings, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `storefront error: ${String(error)}`, false);
      else res.destroy();
    });
  };
}

/**
 * Starts the example shop on 127.0.0.1: the pages (with the sightline script tag pointing at
 * `collectorUrl`), `/sdk/*` from the built `dist/`, `/config.js` for the ESM page,
 * `/vendor/*` for the ESM build's dependencies and `/reco/model.slrm` for on-device
 * recommendations. Resolves once it listens.
 */
export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  const distDir = options.distDir ?? here('../../dist/');
  const settings: Settings = {
    collectorUrl: options.collectorUrl.replace(/\/+$/, ''),
    writeKey: options.writeKey ?? 'demo',
    consent: options.consent ?? 'denied',
    debug: options.debug ?? true,
    autocapture: options.autocapture ?? 'all',
    distDir,
    nodeModulesDir: options.nodeModulesDir ?? here('../../node_modules/'),
    // Trained in the background (a second or two); a model request waits for it.
    model: modelHandler(ensureModel({ file: options.modelFile ?? DEFAULT_MODEL_FILE, distDir })),
  };
  const server = createServer({ keepAliveTimeout: 5_000 }, handler(settings));
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, close: () => close(server) };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
