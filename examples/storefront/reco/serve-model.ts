import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelStatus } from './build-model.ts';

/** The URL the storefront serves its recommendation model at. */
export const MODEL_PATH = '/reco/model.slrm';

interface Loaded {
  bytes: Buffer;
  etag: string;
  modified: string;
  /** mtime and size: a rebuilt file is read again. */
  stamp: string;
}

/**
 * Serves the model with a strong ETag and `no-cache` (always revalidate): the SDK's
 * loader keeps its own copy in IndexedDB and asks with `If-None-Match`, which answers
 * 304 while the file is unchanged. Waits for a build in progress; 404 when there is no model.
 */
export function modelHandler(model: Promise<ModelStatus>) {
  let loaded: Loaded | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const status = await model;
    const file = status.ok ? status.file : undefined;
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info) {
      const reason = status.ok ? `${status.file} is missing` : status.reason;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`no recommendation model: ${reason}\n`);
      return;
    }
    const stamp = `${info.mtimeMs}:${info.size}`;
    const current = loaded?.stamp === stamp ? loaded : (loaded = await load(file, stamp, info.mtime));
    const headers = { etag: current.etag, 'last-modified': current.modified, 'cache-control': 'no-cache' };
    if (matches(req.headers['if-none-match'], current.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', 'content-length': current.bytes.length });
    res.end(req.method === 'HEAD' ? undefined : current.bytes);
  };
}

async function load(file: string, stamp: string, mtime: Date): Promise<Loaded> {
  const bytes = await readFile(file);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
  return { bytes, etag, modified: mtime.toUTCString(), stamp };
}

/** `If-None-Match` may list several tags, weak (`W/"…"`) or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  return Boolean(header) && header!.split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')));
}
