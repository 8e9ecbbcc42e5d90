// @vitest-environment node
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { post, rawRequest, trackEvent, useTestCollector } from './utils/harness';

const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;

describe('collector access: write key and CORS', () => {
  const start = useTestCollector();

  it.each([
    ['HTTP Basic auth username', '/v1/batch', {}, { Authorization: basic('K') }],
    ['the body writeKey', '/collect', { writeKey: 'K' }, {}],
    ['an X-Write-Key header', '/collect', {}, { 'X-Write-Key': 'K' }],
    ['a writeKey query parameter', '/collect?writeKey=K', {}, {}],
  ])('accepts the right key sent as %s', async (_how, path, extra, headers) => {
    const { url } = await start({ writeKey: 'K' });
    const res = await post(`${url}${path}`, { batch: [trackEvent('Product Viewed')], ...extra }, headers);
    expect(res.json).toMatchObject({ ok: true, stored: 1 });
  });

  it.each([
    ['no key', {}, {}],
    ['a wrong Basic auth key', {}, { Authorization: basic('nope') }],
    ['a wrong body key', { writeKey: 'nope' }, {}],
    ['a wrong header key with a right body key', { writeKey: 'K' }, { 'X-Write-Key': 'nope' }],
  ])('answers 401 and stores nothing for %s', async (_how, extra, headers) => {
    const c = await start({ writeKey: 'K' });
    const res = await post(`${c.url}/v1/batch`, { batch: [trackEvent('Product Viewed')], ...extra }, headers);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('collector/unauthorized');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(c.db.count()).toBe(0);
  });

  it('accepts any key when none is configured', async () => {
    const { url } = await start({});
    const res = await post(`${url}/v1/batch`, { batch: [trackEvent('Product Viewed')] }, { Authorization: basic('any') });
    expect(res.status).toBe(200);
  });

  it('answers a preflight from a localhost origin with the CORS headers', async () => {
    const { url } = await start({});
    const res = await fetch(`${url}/collect`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('reflects an allowed origin on the ingestion answer and exposes Retry-After', async () => {
    const { url } = await start({});
    const res = await post(`${url}/collect`, [trackEvent('Product Viewed')], { Origin: 'http://127.0.0.1:8080' });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('refuses a preflight and a POST from an origin outside the default allowlist', async () => {
    const c = await start({});
    const preflight = await fetch(`${c.url}/collect`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(`${c.url}/collect`, [trackEvent('Product Viewed')], { Origin: 'https://evil.example' });
    expect(res.json.error.code).toBe('collector/origin-not-allowed');
    expect(c.db.count()).toBe(0);
  });

  it('allows exactly the configured origins when a list is given', async () => {
    const { url } = await start({ allowedOrigins: ['https://shop.example'] });
    const allowed = await post(`${url}/collect`, [trackEvent('Product Viewed')], { Origin: 'https://shop.example' });
    const local = await post(`${url}/collect`, [trackEvent('Product Viewed')], { Origin: 'http://localhost:3000' });
    expect([allowed.status, local.status]).toEqual([200, 403]);
  });

  // The dashboard's "Clear events" is a same-origin fetch DELETE, which browsers send with Origin.
  it.each(['127.0.0.1', 'localhost', '[::1]'])('lets the dashboard opened as http://%s:PORT clear events when a list is given', async (name) => {
    const c = await start({ allowedOrigins: ['https://shop.example'] });
    await post(`${c.url}/collect`, [trackEvent('Product Viewed')]);
    const self = `${name}:${c.port}`;
    const res = await rawRequest(c.port, 'DELETE', '/api/events', { Host: self, Origin: `http://${self}` });
    expect(res.status).toBe(200);
    expect(c.db.count()).toBe(0);
  });

  it('refuses a loopback origin on another port when a list is given', async () => {
    const c = await start({ allowedOrigins: ['https://shop.example'] });
    await post(`${c.url}/collect`, [trackEvent('Product Viewed')]);
    const res = await post(`${c.url}/collect`, [trackEvent('Product Viewed')], { Origin: `http://localhost:${c.port + 1}` });
    expect(res.status).toBe(403);
    expect(c.db.count()).toBe(1);
  });

  it("allows every origin with '*'", async () => {
    const { url } = await start({ allowedOrigins: '*' });
    const res = await post(`${url}/collect`, [trackEvent('Product Viewed')], { Origin: 'https://anywhere.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
  });
});

describe('collector access: the Host header', () => {
  const start = useTestCollector();

  it.each(['127.0.0.1:PORT', 'localhost:PORT', '[::1]:PORT', 'LocalHost:PORT', 'localhost'])('answers a request whose Host is %s', async (host) => {
    const c = await start();
    const res = await rawRequest(c.port, 'GET', '/healthz', { Host: host.replace('PORT', String(c.port)) });
    expect(res.status).toBe(200);
  });

  // DNS rebinding: once evil.example resolves to 127.0.0.1, its pages are same-origin with the
  // collector to the browser (no Origin header on a GET, nothing hidden); only Host tells them apart.
  it.each([
    ['GET', '/api/events'],
    ['GET', '/api/stats'],
    ['GET', '/api/stream'],
    ['GET', '/'],
    ['DELETE', '/api/events'],
    ['POST', '/collect'],
    ['GET', '/no-such-path'],
  ])('refuses %s %s for a Host that names another host with 403 collector/host-not-allowed', async (method, path) => {
    const c = await start();
    await post(`${c.url}/collect`, [trackEvent('Order Completed', { anonymousId: 'secret-visitor' })]);
    const res = await rawRequest(c.port, method, path, { Host: `evil.example:${c.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('collector/host-not-allowed');
    expect(res.body).not.toContain('secret-visitor');
    expect(c.db.count()).toBe(1);
  });

  it.each(['evil.example', 'localhost.evil.example:PORT', '127.0.0.1.evil.example:PORT', 'evil.example@127.0.0.1:PORT'])(
    'refuses a Host of %j',
    async (host) => {
      const c = await start();
      const res = await rawRequest(c.port, 'GET', '/api/events', { Host: host.replace('PORT', String(c.port)) });
      expect(res.status).toBe(403);
    },
  );

  it('refuses a request without Host (HTTP/1.0; browsers always send one)', async () => {
    const c = await start();
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(c.port, '127.0.0.1', () => socket.write('GET /api/events HTTP/1.0\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('collector/host-not-allowed');
  });
});
