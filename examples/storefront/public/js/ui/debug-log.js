import { on } from '../core/analytics.js';
import { readJson, writeJson } from '../core/store.js';

/**
 * Every event that leaves sightline's pipeline (and every drop), newest first. Kept in
 * sessionStorage as `shop_debug_log` while the debug panel is in use, so the log
 * survives the full page loads of checkout.
 */
const LIMIT = 150;
const KEY = 'debug_log';
let entries = [];
let persist = false;
const listeners = new Set();

function add(entry) {
  entries.unshift(entry);
  if (entries.length > LIMIT) entries.length = LIMIT;
  if (persist) writeJson(KEY, entries, 'session');
  for (const fn of listeners) fn(entry);
}

function entry(kind, at, payload) {
  return kind === 'event' ? { kind, at, event: payload } : { kind, at, event: payload?.event, reason: payload?.reason };
}

/**
 * Starts logging. Script-tag pages subscribed in their inline snippet (`window.shopDebugLog`)
 * before the SDK loaded; the log takes over what it caught. Other pages subscribe now.
 */
export function startDebugLog({ persistent }) {
  persist = persistent;
  if (persist) entries = readJson(KEY, [], 'session');
  const early = window.shopDebugLog;
  if (early) {
    for (const [kind, at, payload] of early.early.splice(0)) add(entry(kind, at, payload));
    early.sink = (kind, payload) => add(entry(kind, Date.now(), payload));
    return;
  }
  on('event', (event) => add(entry('event', Date.now(), event)));
  on('drop', (drop) => add(entry('drop', Date.now(), drop)));
}

/** Starts or stops keeping the log across page loads. */
export function setPersistent(value) {
  persist = value;
  if (value) writeJson(KEY, entries, 'session');
}

/** The log, newest first. */
export function debugEntries() {
  return entries;
}

/** Empties the log. */
export function clearDebugLog() {
  entries = [];
  if (persist) writeJson(KEY, entries, 'session');
}

/** Calls `fn(entry)` for each new entry; returns a stop function. */
export function onDebugEntry(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
