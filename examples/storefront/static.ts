import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type of a file name (octet-stream when unknown). */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves a URL path inside `root`, or null if it would escape it (`..`, absolute, NUL). */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const full = normalize(join(base, decoded));
  return full.startsWith(base) ? full : null;
}

/** Streams a file with its content type; resolves false when it does not exist. */
export async function sendFile(res: ServerResponse, file: string, headOnly: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  // Asked again every time (a rebuilt SDK shows at once); `no-cache`, as the pages (see server.ts).
  res.writeHead(200, { 'content-type': contentType(file), 'content-length': info.size, 'cache-control': 'no-cache' });
  if (headOnly) res.end();
  // pipeline, not pipe: a read that fails (the file removed by a rebuild since the stat, a disk
  // error) ends this answer instead of throwing an 'error' nobody listens to, which would end
  // the whole server. The shopper's browser sees a cut answer and may ask again.
  else pipeline(createReadStream(file), res, () => {});
  return true;
}
