/** The names of this machine: the collector listens on 127.0.0.1 only, so a browser reaches it by no other. */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for `localhost`, `127.0.0.1` and `[::1]`, spelt as `URL.hostname` spells them. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
}

/**
 * True when a `Host` header names a loopback host, on any port. A page on another host name
 * that resolves to 127.0.0.1 (DNS rebinding) is same-origin to the browser, so CORS lets it
 * read every answer; its `Host` header is what still tells it apart. Browsers always send one.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const hostname = host === undefined ? undefined : /^(\[[^\]]*\]|[^:]*)(:\d*)?$/.exec(host)?.[1];
  return hostname !== undefined && isLoopbackHostname(hostname);
}
