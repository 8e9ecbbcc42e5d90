import type { Corpus } from './corpus';
import { readLines } from './lines';
import { MAX_SESSION_ITEMS } from './sessionize';

/**
 * Reads a session file: one session per line, oldest first, item ids separated by
 * spaces, commas or tabs (the format of `train_sessions.txt.gz`). Blank lines are skipped;
 * a session keeps its first 200 items, as sessions cut from an event log do.
 */
export async function readSessionFile(path: string, corpus: Corpus): Promise<number> {
  let lines = 0;
  for await (const line of readLines(path)) {
    const items = line.trim().split(/[\s,]+/).filter(Boolean);
    if (items.length) corpus.add(items.slice(0, MAX_SESSION_ITEMS));
    lines++;
  }
  return lines;
}
