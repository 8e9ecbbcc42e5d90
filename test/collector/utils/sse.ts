/** A live `GET /api/stream` connection read as text. */
export interface SseReader {
  /** Resolves with everything received once `match` appears in it. */
  waitFor(match: string | RegExp): Promise<string>;
  /** The parsed `data:` payloads received so far. */
  dataEvents(): unknown[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens the stream and resolves once its headers (and the opening comment) arrived. */
export async function openSse(url: string): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  if (!res.body) throw new Error('the stream has no body');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  const waiters = new Set<() => void>();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
        waiters.forEach((wake) => wake());
      }
    } catch {
      // Aborted by close(); nothing more will arrive.
    }
  })();
  const matches = (match: string | RegExp) => (typeof match === 'string' ? received.includes(match) : match.test(received));
  return {
    waitFor: (match) =>
      new Promise((resolve) => {
        const check = () => {
          if (!matches(match)) return;
          waiters.delete(check);
          resolve(received);
        };
        waiters.add(check);
        check();
      }),
    dataEvents: () => [...received.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] ?? 'null')),
    ended,
    close: () => abort.abort(),
  };
}
