// Shared test setup: an in-memory IndexedDB for happy-dom (which has none), so the
// persisted queue and model cache run their real code paths.
import 'fake-indexeddb/auto';
