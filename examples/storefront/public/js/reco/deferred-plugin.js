/**
 * A sightline plugin whose code arrives later. The client runs `setup` on its call chain:
 * events tracked after `client.use()` wait until it finishes. So a page can register
 * early (before its first Product Viewed) and load the real plugin in the meantime; the
 * wait is capped, after which the page's events go on without it.
 *
 * `load(client)` resolves with the real plugin, or null to run without one. `loaded`
 * resolves with `{ plugin, client }` once it is set up, or null.
 */
export function deferredPlugin(name, load, { timeoutMs = 5000 } = {}) {
  let inner = null;
  let settle;
  const loaded = new Promise((resolve) => { settle = resolve; });
  return {
    name,
    loaded,
    async setup(client) {
      let timer;
      try {
        const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`not loaded after ${timeoutMs} ms`)), timeoutMs); });
        inner = await Promise.race([load(client), late]);
        await inner?.setup?.(client);
      } catch (error) {
        console.warn(`[shop] ${name} did not start; the shop goes on without it`, error);
        inner = null;
      } finally {
        clearTimeout(timer);
      }
      settle(inner ? { plugin: inner, client } : null);
    },
    teardown: () => inner?.teardown?.(),
  };
}
