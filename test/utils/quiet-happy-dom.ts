// The unit tests' environment: vitest's happy-dom, minus happy-dom's echo of failed
// requests. happy-dom prints every 4xx/5xx answer and network error to the console, as a
// browser's devtools do; the transport specs provoke them on purpose and assert on the
// outcome, so that echo is noise. Anything else happy-dom prints still prints.
import { builtinEnvironments } from 'vitest/runtime';
import type { Environment } from 'vitest/runtime';

const happyDom = builtinEnvironments['happy-dom'];

/** The first line of what happy-dom logs: its request echo is `POST <url> 500 (…)` or the network error. */
const isRequestEcho = (first: unknown): boolean =>
  first instanceof Error
    ? /^(Network error|socket hang up)$/.test(first.message)
    : typeof first == 'string' && /^(GET|POST|PUT|DELETE) \S+ \d{3} \(/.test(first);

/** A console that passes everything on except happy-dom's request echo. */
function quiet(console: Console): Console {
  return new Proxy(console, {
    get: (target, key, receiver) =>
      key == 'error' ? (...args: unknown[]) => void (isRequestEcho(args[0]) || target.error(...args)) : Reflect.get(target, key, receiver),
  });
}

export default {
  ...happyDom,
  name: 'quiet-happy-dom',
  async setup(global, options) {
    const console = global.console;
    // happy-dom keeps the console it is created with for its page; the tests keep theirs.
    global.console = quiet(console);
    try {
      return await happyDom.setup(global, options);
    } finally {
      global.console = console;
    }
  },
} satisfies Environment;
