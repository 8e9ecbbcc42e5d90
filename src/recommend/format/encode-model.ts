import type { KnnParams, TierParams } from '../knn/params';
import { byteWriter } from './byte-writer';
import { FILE_KIND, SECTION } from './constants';
import { sealFile, writeHeader, writeSection } from './header';
import { allNumeric, writeNumericIds, writeStringIds } from './ids';
import { writePopularity } from './popularity';
import type { FlatSessions } from './sessions';
import { writeSessions } from './sessions';
import type { ByteWriter } from './byte-writer';

/** Everything a model file holds, with items already numbered in popularity order. */
export interface ModelInput {
  builtAt: number;
  /** Model version id, copied into every recommendation event. */
  version: string;
  /** Shop item ids by item index. */
  ids: readonly string[];
  /** Occurrence counts by item index, non-increasing. */
  popularity: ArrayLike<number>;
  /** Sessions of item indexes, oldest first. */
  sessions: FlatSessions;
  params: KnnParams;
  tiers: TierParams;
  /** Extra JSON-safe facts for the meta block (trainer, corpus). */
  info?: Record<string, unknown>;
}

/** The meta block shared by models and manifests. */
export const modelMeta = (input: ModelInput, extra: Record<string, unknown> = {}): Record<string, unknown> => {
  return { version: input.version, params: input.params, tiers: input.tiers, ...input.info, ...extra };
};

/** Writes the popularity and id sections every model and manifest starts with. */
export const writeCatalog = (w: ByteWriter, input: ModelInput): void => {
  writeSection(w, SECTION.popularity, () => writePopularity(w, input.popularity));
  if (allNumeric(input.ids)) writeSection(w, SECTION.numericIds, () => writeNumericIds(w, input.ids));
  else writeSection(w, SECTION.stringIds, () => writeStringIds(w, input.ids));
};

/** Encodes a complete single-file model (kind 0). */
export const encodeModel = (input: ModelInput): Uint8Array => {
  const w = byteWriter(1 << 20);
  writeHeader(w, {
    kind: FILE_KIND.model,
    itemCount: input.ids.length,
    sessionCount: input.sessions.offsets.length - 1,
    builtAt: input.builtAt,
    meta: modelMeta(input),
  });
  writeCatalog(w, input);
  writeSection(w, SECTION.sessions, () => writeSessions(w, input.sessions));
  return sealFile(w);
};
