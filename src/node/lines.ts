import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Streams the lines of a plain or gzip file (told apart by the gzip magic bytes, not
 * by the name), one at a time: memory stays flat whatever the file size. A byte order
 * mark before the first line (exports of Windows tools) is left out: JSON.parse refuses it.
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  const head = Buffer.alloc(2);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 2, 0);
  } finally {
    await fh.close();
  }
  let stream: Readable = createReadStream(path);
  if (head[0] === 0x1f && head[1] === 0x8b) stream = stream.pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    yield first && line.startsWith('\uFEFF') ? line.slice(1) : line;
    first = false;
  }
}
