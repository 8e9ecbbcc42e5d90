import type { SightlineError } from '../types';
import { decodeModelFile } from './format/decode-file';
import { RECOMMEND_ERRORS } from './errors';
import type { Model, ModelSource } from './model/model';
import { modelFromFile } from './model/from-file';
import type { ShardFetcher } from './model/sharded-store';

/** Options of {@link decodeModel}. */
export interface DecodeOptions {
  /** Recorded in `model.meta.source` (default `memory`). */
  source?: ModelSource;
  /** Where a sharded model's shards come from (the loader passes one). */
  fetchShard?: ShardFetcher;
}

/**
 * Decodes a `.slrm` model (or manifest) from bytes: the browser's decoder, also used by
 * the benchmark. Never throws; a bad file yields `{ error }` with
 * `recommend/model-corrupt` or `recommend/model-version`.
 */
export const decodeModel = (bytes: Uint8Array, options: DecodeOptions = {}): { model: Model } | { error: SightlineError } => {
  const file = decodeModelFile(bytes);
  if ('problem' in file) {
    return {
      error:
        file.problem === 'version'
          ? { code: RECOMMEND_ERRORS.modelVersion, message: `Model format version ${file.version} is not supported`, source: 'sdk', detail: { version: file.version } }
          : { code: RECOMMEND_ERRORS.modelCorrupt, message: `Model file is corrupt: ${file.reason}`, source: 'sdk', detail: { reason: file.reason } },
    };
  }
  return { model: modelFromFile(file, options.source ?? 'memory', options.fetchShard) };
};
