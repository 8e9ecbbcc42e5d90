import type { Properties } from '../types';
import { MAX_NAME_LENGTH } from './constants';

/** True for a usable event or page name: a string with a non-blank character, at most 200 long. */
export const isName = (v: unknown): v is string => {
  return typeof v == 'string' && v.length <= MAX_NAME_LENGTH && !!v.trim();
};

/** A usable user or alias id (finite numbers become strings, as ids often are numeric), else undefined. */
export const toId = (v: unknown): string | undefined => {
  if (typeof v == 'number' && isFinite(v)) v = '' + v;
  return isName(v) ? v : undefined;
};

/** True for properties or traits: an object that is not an array. */
export const isBag = (v: unknown): v is Properties => {
  return Object(v) === v && !Array.isArray(v);
};
