// Shared test setup: an in-memory IndexedDB for happy-dom (which has none), so the
// persisted queue and model cache run their real code paths.
import 'fake-indexeddb/auto';
import fc from 'fast-check';

// Property specs (fast-check) draw new cases on every run, except in CI, which checks the same
// cases each time: a submission must not pass or fail by the cases it drew. A failure prints
// its seed; FUZZ_SEED replays it, and `npm run test:fuzz` searches longer with new seeds
// (docs/architecture.md, "Property specs").
const seed = process.env.FUZZ_SEED ? +process.env.FUZZ_SEED : process.env.CI ? 20_261_123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
