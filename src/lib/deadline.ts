/**
 * Settles as `work` does, or, if it has not within `ms`, rejects with what `expire()`
 * returns (which may also stop the work: abort a request). For work that may never settle on
 * its own: a `fetch` or a cache of the shop's own. The timer goes once `work` settles.
 */
export const deadline = <T>(work: Promise<T>, ms: number, expire: () => unknown): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(expire()), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
