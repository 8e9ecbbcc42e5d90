import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefront, type RunningStorefront } from '../../examples/storefront/server';

let shop: RunningStorefront;
let distDir: string;

const get = async (path: string) => {
  const response = await fetch(`${shop.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
};

/** A GET whose path is sent byte for byte (fetch would normalise `..` away). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shop.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the storefront server', () => {
  beforeAll(async () => {
    distDir = await mkdtemp(join(tmpdir(), 'sightline-dist-'));
    await mkdir(join(distDir, 'esm'));
    await writeFile(join(distDir, 'sightline.iife.js'), '/* sdk */');
    await writeFile(join(distDir, 'esm', 'index.js'), 'export {};');
    shop = await startStorefront({ port: 0, collectorUrl: 'http://127.0.0.1:4318/', distDir, consent: 'denied' });
  });

  afterAll(async () => {
    await shop?.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it.each(['/', '/category/packs', '/search?q=tent', '/products/sku-1001', '/cart', '/checkout', '/confirmation?order=X'])(
    'puts the documented script tag and stub on %s',
    async (path) => {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.body).toContain(readFileSync('src/browser/stub.js', 'utf8').trim());
      expect(page.body).toMatch(/<script async src="\/sdk\/sightline\.iife\.js" data-endpoint="http:\/\/127\.0\.0\.1:4318" data-write-key="demo" data-format="segment" data-consent="denied"/);
    },
  );

  it.each(['/', '/cart', '/checkout', '/confirmation?order=X', '/lookbook'])('fills the shared head (styles, icon, description) on %s', async (path) => {
    const page = await get(path);
    expect(page.body).not.toContain('<!--shop-head-->');
    for (const asset of ['/styles/base.css', '/styles/shop.css', '/styles/overlays.css', '/favicon.svg', 'name="description"']) {
      expect(page.body).toContain(asset);
    }
  });

  // The SDK reads the title for the first page view after a frame, which can come before the
  // page's modules (and their `document.title`) have run: the HTML must carry it already.
  it.each([
    ['/', 'Sightline Outfitters — outdoor gear'],
    ['/category/packs', 'Packs &amp; Bags — Sightline Outfitters'],
    ['/products/sku-1005', 'Softshell Jacket — Sightline Outfitters'],
    ['/products/sku-9999', 'Not found — Sightline Outfitters'],
    ['/category/nope', 'Not found — Sightline Outfitters'],
    ['/search?q=%3C%2Ftitle%3E%3Cscript%3E', 'Search: &lt;/title>&lt;script> — Sightline Outfitters'],
    ['/cart', 'Your cart — Sightline Outfitters'],
  ])('renders the title of %s in the HTML', async (path, title) => {
    expect((await get(path)).body).toContain(`<title>${title}</title>`);
  });

  it('loads the lookbook through the ESM build with an import map instead of the tag', async () => {
    const page = await get('/lookbook');
    expect(page.body).not.toContain('sightline.iife.js');
    expect(JSON.parse(page.body.match(/<script type="importmap">([\s\S]*?)<\/script>/)![1]!).imports).toMatchObject({
      'idb-keyval': '/vendor/idb-keyval/dist/index.js',
      'web-vitals/attribution': '/vendor/web-vitals/dist/web-vitals.attribution.js',
    });
    expect((await get('/vendor/idb-keyval/dist/index.js')).type).toMatch(/javascript/);
  });

  it('serves the SDK from dist under /sdk/ and the runtime config as a module', async () => {
    expect(await get('/sdk/sightline.iife.js')).toMatchObject({ status: 200, body: '/* sdk */', type: expect.stringMatching(/javascript/) });
    expect((await get('/sdk/esm/index.js')).status).toBe(200);
    const config = await get('/config.js');
    expect(config.body).toContain('"collectorUrl":"http://127.0.0.1:4318"');
  });

  it.each(['/sdk/../package.json', '/sdk/%2e%2e/%2e%2e/package.json', '/styles/..%2f..%2fserver.ts', '/sdk/..%2f..%2f..%2fetc/passwd', '/vendor/idb-keyval/../../package.json', '/vendor/left-pad/index.js', '/js/../../server.ts'])(
    'refuses %s (outside the served folders)',
    async (path) => {
      expect(await rawGet(path)).toBe(404);
    },
  );

  it.each(['/products/sku-9999', '/category/nope'])('answers %s, which the shop does not have, 404 with the shop page that says so', async (path) => {
    const page = await get(path);
    expect(page.status).toBe(404);
    expect(page.body).toContain('<title>Not found — Sightline Outfitters</title>');
    expect((await get('/category/packs')).status).toBe(200);
  });

  it('answers unknown pages with a 404 page and other methods with 405', async () => {
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Back to the shop');
    expect((await fetch(`${shop.url}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('npm start in CI (examples/start.ts --smoke)', () => {
  it('checks both servers answer 200, prints the URLs and exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sightline-start-'));
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/start.ts', '--smoke', '--data-dir', dataDir], {
      env: { ...process.env, COLLECTOR_PORT: '0', STORE_PORT: '0' },
      timeout: 30_000,
    });
    expect(stdout).toMatch(/Shop\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(stdout).toMatch(/Collector dashboard\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(stdout).toContain('smoke check: shop and collector answer 200');
    await rm(dataDir, { recursive: true, force: true });
  });
});
