import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { CollectorErrorCode as Code, httpFailure } from './errors.ts';

/**
 * Past the cap we keep reading (and discarding) up to this many times the cap: fetch
 * reads no answer before its upload ends, so answering early would look like a reset
 * socket to an honest client that sent too much. Beyond that the request is abuse and
 * the socket is destroyed.
 */
const DRAIN_FACTOR = 8;

/**
 * Reads a request body as UTF-8 text, gunzipping `Content-Encoding: gzip`. The cap
 * applies to the bytes on the wire and again to the decompressed bytes (no zip bombs).
 * Rejects with an `HttpFailure`.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const encoding = contentEncoding(req);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes * DRAIN_FACTOR) {
    req.destroy();
    throw tooLarge(maxBytes);
  }
  const raw = await collect(req, maxBytes);
  const bytes = encoding === 'gzip' ? await decompress(raw, maxBytes) : raw;
  // TextDecoder drops a leading BOM and replaces invalid UTF-8 instead of throwing.
  return new TextDecoder().decode(bytes);
}

function contentEncoding(req: IncomingMessage): 'gzip' | 'identity' {
  const value = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'identity' || value === '') return 'identity';
  throw httpFailure(415, Code.unsupportedEncoding, `Content-Encoding "${value}" is not supported; send gzip or none`);
}

function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The client may have left while chaos latency held the request.
    if (req.destroyed) return reject(httpFailure(400, Code.invalidShape, 'the request body was cut off'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) req.destroy();
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge(maxBytes)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (req.complete) return;
      reject(size > maxBytes ? tooLarge(maxBytes) : httpFailure(400, Code.invalidShape, 'the request body was cut off'));
    });
  });
}

function decompress(raw: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxOutputLength stops inflating as soon as the output passes the cap.
    gunzip(raw, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) return resolve(result);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') reject(tooLarge(maxBytes, ' once decompressed'));
      else reject(httpFailure(400, Code.invalidEncoding, `the body is not valid gzip: ${error.message}`));
    });
  });
}

function tooLarge(maxBytes: number, suffix = ''): ReturnType<typeof httpFailure> {
  return httpFailure(413, Code.tooLarge, `the body is larger than ${maxBytes} bytes${suffix}`);
}
