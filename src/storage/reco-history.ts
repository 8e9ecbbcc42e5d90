import { parseJson, stringifyJson } from '../lib/safe-json';
import { readStorage, writeStorage } from './web-storage';

/** One item the shopper engaged with on this device. */
export interface HistoryItem {
  /** Item id. */
  i: string;
  /** When (ms since epoch). */
  t: number;
  /** Session key it happened in. */
  s: string;
}

/** What the recommender remembers on this device between page loads. */
export interface RecoHistory {
  v: 1;
  /** Most recent last; bounded by the recommender. */
  items: HistoryItem[];
  cart: string[];
  bought: string[];
}

/** localStorage key of the history (the prefix is the SDK's storage prefix). */
export const recoHistoryKey = (prefix = 'sl'): string => `${prefix}_reco`;

/** A history with nothing in it. */
export const emptyRecoHistory = (): RecoHistory => ({ v: 1, items: [], cart: [], bought: [] });

/** Reads the stored history; an empty one when absent, unreadable or from another format. */
export const loadRecoHistory = (key: string): RecoHistory => {
  const value = parseJson<Partial<RecoHistory> | null>(readStorage(key), null);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (!value || value.v !== 1) return emptyRecoHistory();
  const items = Array.isArray(value.items)
    ? value.items.filter((x): x is HistoryItem => !!x && typeof x.i === 'string' && typeof x.t === 'number' && typeof x.s === 'string')
    : [];
  return { v: 1, items, cart: strings(value.cart), bought: strings(value.bought) };
};

/** Stores the history; a full or blocked storage is ignored (the recommender keeps it in memory). */
export const saveRecoHistory = (key: string, history: RecoHistory): void => {
  const text = stringifyJson(history);
  if (text) writeStorage(key, text);
};

/** Forgets the history (reset, or personalization consent withdrawn). */
export const clearRecoHistory = (key: string): void => {
  writeStorage(key, null);
};
