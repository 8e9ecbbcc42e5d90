import { createSightline } from '../../src/core';
import type { Plugin, SightlineClient, SightlineError, SightlineEvent, SightlineOptions } from '../../src/types';

/** A destination plugin that keeps every event it is handed, in order. */
export function memoryDestination(name = 'memory'): Plugin & { events: SightlineEvent[] } {
  const events: SightlineEvent[] = [];
  return { name, events, destination: (event) => void events.push(event) };
}

/** A client with a memory destination and an error log, for specs. */
export interface Harness {
  client: SightlineClient;
  events: SightlineEvent[];
  errors: SightlineError[];
  /** Codes of the errors reported so far. */
  codes(): string[];
  /** Waits until every call made so far went through the pipeline. */
  settle(): Promise<void>;
}

/** Creates a client wired to a memory destination, collecting its errors. */
export function createHarness(options: SightlineOptions = {}): Harness {
  const errors: SightlineError[] = [];
  const destination = memoryDestination();
  const client = createSightline({
    ...options,
    plugins: [...(options.plugins ?? []), destination],
    onError: (e) => {
      errors.push(e);
      options.onError?.(e);
    },
  });
  return {
    client,
    events: destination.events,
    errors,
    codes: () => errors.map((e) => e.code),
    settle: () => client.flush(),
  };
}

/** Removes every cookie and Web Storage key of the test document. */
export function clearBrowserState(): void {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0];
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
  localStorage.clear();
  sessionStorage.clear();
}

/** The value of a cookie of the test document, or undefined. */
export function cookieValue(name: string): string | undefined {
  const pair = document.cookie.split('; ').find((p) => p.startsWith(name + '='));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

/** Moves the test document to `url` (any origin, e.g. https). */
export function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** Records every string written to `document.cookie` until `stop()`. */
export function recordCookieWrites(): { writes: string[]; stop(): void } {
  const proto = Object.getPrototypeOf(document) as object;
  let owner: object | null = proto;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner) as object | null;
  const descriptor = Object.getOwnPropertyDescriptor(owner!, 'cookie')!;
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => descriptor.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      descriptor.set!.call(document, value);
    },
  });
  return { writes, stop: () => void delete (document as unknown as Record<string, unknown>).cookie };
}
