// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sendFile } from '../../examples/storefront/static';

describe('the storefront serving a file', () => {
  // A file that fails as it is read (removed by a rebuild between stat and open, a disk error):
  // Linux's /proc/self/mem stats as a file and fails its first read with EIO. An 'error' event
  // without a listener would end the whole server.
  it.runIf(process.platform === 'linux')('ends that answer, and the server goes on, when the read fails', async () => {
    const server = createServer((req, res) => void sendFile(res, req.url === '/broken' ? '/proc/self/mem' : __filename, false));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/broken`).then((res) => res.arrayBuffer()).catch(() => 'ended');
      const next = await fetch(`${base}/ok`);
      expect(next.status).toBe(200);
      expect(await next.text()).toContain('the storefront serving a file');
    } finally {
      server.closeAllConnections(); // the client keeps its socket alive
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
