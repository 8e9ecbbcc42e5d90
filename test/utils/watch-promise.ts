/** What a {@link watchPromise} has seen of its promise so far. */
export interface Watched<T> {
  settled: boolean;
  value?: T;
}

/**
 * Watches `promise` without awaiting it, so a spec can assert that it has not settled yet
 * (an await would hang the spec where the code under test hangs).
 */
export function watchPromise<T>(promise: Promise<T>): Watched<T> {
  const watched: Watched<T> = { settled: false };
  void promise.then((value) => Object.assign(watched, { settled: true, value }));
  return watched;
}
