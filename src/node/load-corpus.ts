import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Corpus } from './corpus';
import { createCorpus } from './corpus';
import { readEventLog } from './read-events';
import { readSessionFile } from './read-sessions';

/** The two inputs the trainer reads. */
export type InputFormat = 'sessions' | 'events';

/** Reads an input file into a corpus; `auto` picks `events` when the first bytes look like JSON. */
export async function loadCorpus(path: string, format: InputFormat | 'auto' = 'auto'): Promise<{ corpus: Corpus; format: InputFormat; lines: number }> {
  const kind = format === 'auto' ? await sniff(path) : format;
  const corpus = createCorpus();
  const lines = kind === 'events' ? (await readEventLog(path, corpus)).lines : await readSessionFile(path, corpus);
  return { corpus, format: kind, lines };
}

async function sniff(path: string): Promise<InputFormat> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(4096);
  try {
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    let text: string;
    if (head[0] === 0x1f && head[1] === 0x8b) {
      // A partial gzip member: inflate what we have, tolerating the cut-off end.
      text = gunzipSync(head.subarray(0, bytesRead), { finishFlush: 2 }).toString('utf8');
    } else text = head.subarray(0, bytesRead).toString('utf8');
    return text.trimStart().startsWith('{') ? 'events' : 'sessions';
  } finally {
    await fh.close();
  }
}
