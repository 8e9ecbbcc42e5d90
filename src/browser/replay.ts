/** One call the inline stub recorded before the SDK loaded: `[method, args]`. */
export type StubCall = [method: string, args: unknown[]];

/** The inline stub from docs/getting-started.md: an array with a `q` of calls. */
export interface Stub {
  q?: StubCall[];
  invoked?: number;
}

/**
 * Replays the stub's recorded calls, in order, on the real API. Unknown methods are
 * reported through `onUnknown` and skipped, so one bad call never stops the others.
 */
export const replayStub = (
  stub: Stub | undefined,
  api: Record<string, unknown>,
  onUnknown: (method: string) => void,
): void => {
  const calls = stub && Array.isArray(stub.q) ? stub.q.splice(0) : [];
  for (const call of calls) {
    if (Array.isArray(call)) {
      const [method, args] = call;
      const target = resolve(api, String(method));
      if (typeof target === 'function') target(...(Array.isArray(args) ? args : []));
      else onUnknown(String(method));
    }
  }
};

// `consent.update` and `commerce.<helper>` are the nested methods the stub records.
const resolve = (api: Record<string, unknown>, path: string): unknown => {
  return path.split('.').reduce<unknown>((node, key) => {
    return node && typeof node == 'object' && ({}).hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }, api);
};
