/** Error codes of the persisted queue's storage (docs/errors.md, `## storage`). */
export const STORAGE_ERRORS = {
  /** A storage tier failed; the queue moved to the next one (IndexedDB → localStorage → memory). */
  downgraded: 'storage/downgraded',
} as const;

/** One of {@link STORAGE_ERRORS}. */
export type StorageErrorCode = (typeof STORAGE_ERRORS)[keyof typeof STORAGE_ERRORS];
