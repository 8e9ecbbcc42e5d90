/** What sightline uses of zone.js (Angular's change detection trigger): its root zone. */
type ZoneJs = { root?: { run?(fn: () => unknown): unknown } };

/**
 * Wraps `fn` so it runs in zone.js's root zone on pages that load zone.js (Angular apps
 * that are not zoneless), else as it is. The timers, storage callbacks and requests it
 * starts are then nobody's: a flush or a consent grant the app calls in its zone does not
 * make every retry and batch timer run the app's change detection, nor keep the app from
 * being stable (Segment's analytics.js did: segmentio/analytics-angular#3). Read at call
 * time: the script tag may run before the app loads zone.js.
 */
export const outsideZones =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R => {
    // A page's own global named Zone is not zone.js: without a root that runs, call fn.
    const root = (globalThis as { Zone?: ZoneJs }).Zone?.root;
    const go = (): R => fn(...args);
    return typeof root?.run == 'function' ? (root.run(go) as R) : go();
  };
