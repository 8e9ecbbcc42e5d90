/** Error codes of the persisted queue's storage (docs/errors.md, `## storage`). */
export const StorageErrors = {
  /** A storage tier failed; the queue moved to the next one (IndexedDB → localStorage → memory). */
  downgraded: 'storage/downgraded',
} as const;

/** One of {@link StorageErrors}. */
export type StorageErrorCode = (typeof StorageErrors)[keyof typeof StorageErrors];
