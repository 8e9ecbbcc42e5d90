import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The page allows only its own inline style and script and same-origin requests: it must
 * work offline and never load anything from a CDN.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";

/** Reads `dashboard.html` (one self-contained page) and returns the `GET /` handler. */
export function createDashboardHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  const html = readFileSync(new URL('./dashboard.html', import.meta.url));
  return (_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(html.length),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(html);
  };
}
