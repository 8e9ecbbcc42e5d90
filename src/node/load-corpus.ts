import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Corpus } from './corpus';
import { createCorpus } from './corpus';
import { readEventLog } from './read-events';
import { readSessionFile } from './read-sessions';
import { notJson } from './report';

/** The two inputs the trainer reads. */
export type InputFormat = 'sessions' | 'events';

/** What {@link loadCorpus} read: the corpus, and counts for the report. */
export interface LoadedCorpus {
  corpus: Corpus;
  format: InputFormat;
  lines: number;
  /** Event logs only: lines that are not a JSON object, and the product events taken. */
  unreadable?: number;
  events?: number;
}

/** Reads an input file into a corpus; `auto` picks `events` when the first bytes look like JSON. */
export async function loadCorpus(path: string, format: InputFormat | 'auto' = 'auto'): Promise<LoadedCorpus> {
  const kind = format === 'auto' ? await sniff(path) : format;
  const corpus = createCorpus();
  if (kind === 'sessions') return { corpus, format: kind, lines: await readSessionFile(path, corpus) };
  return { corpus, format: kind, ...(await readEventLog(path, corpus)) };
}

/**
 * Why a corpus without sessions has nothing to train on, with what was read: an empty
 * model would only recommend from popularity, and it is more likely the wrong file or format.
 */
export function emptyCorpusMessage(path: string, read: LoadedCorpus): string {
  const lines = `${read.lines} line${read.lines == 1 ? '' : 's'}`;
  const found =
    read.format === 'sessions'
      ? `read as sessions: ${lines}`
      : `read as events: ${lines}${read.unreadable ? `, ${notJson(read.unreadable)}` : ''}, ${read.events} product events`;
  return (
    `no sessions to train on in ${path} (${found}). A session needs 2 items or more; an event log needs ` +
    'Product Viewed / Added / Clicked or Order Completed events with a product_id (or sku), an anonymousId or userId, ' +
    'and a timestamp. Another --format?'
  );
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
