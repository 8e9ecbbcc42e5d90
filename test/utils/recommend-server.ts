import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/** A request the model server saw. */
export interface SeenRequest {
  url: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

/** One file the fake model server answers with. */
export interface ServedFile {
  body: Uint8Array;
  etag?: string;
  lastModified?: string;
  status?: number;
}

/**
 * Serves model files from a mutable map at `https://models.test/…`, answering 304 when
 * the request's validators match, and records every request.
 */
export function modelServer(server: SetupServer): { files: Map<string, ServedFile>; seen: SeenRequest[]; url(path: string): string } {
  const files = new Map<string, ServedFile>();
  const seen: SeenRequest[] = [];
  server.use(
    http.get('https://models.test/*', ({ request }) => {
      const path = new URL(request.url).pathname;
      const ifNoneMatch = request.headers.get('If-None-Match');
      const ifModifiedSince = request.headers.get('If-Modified-Since');
      seen.push({ url: path, ifNoneMatch, ifModifiedSince });
      const f = files.get(path);
      if (!f) return new HttpResponse(null, { status: 404 });
      const headers: Record<string, string> = {};
      if (f.etag) headers.ETag = f.etag;
      if (f.lastModified) headers['Last-Modified'] = f.lastModified;
      if ((f.etag && ifNoneMatch === f.etag) || (!f.etag && f.lastModified && ifModifiedSince === f.lastModified)) {
        return new HttpResponse(null, { status: 304, headers });
      }
      return new HttpResponse(f.body.slice().buffer, { status: f.status ?? 200, headers });
    }),
  );
  return { files, seen, url: (path) => `https://models.test${path}` };
}

let db = 0;

/** A database name no other spec uses, so cached models never leak between specs. */
export const freshCacheName = (): string => `sightline-models-test-${++db}`;
