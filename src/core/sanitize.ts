import { SIZE_RATIO } from './constants';

/** What one event's sanitize passes found. */
export interface Scan {
  /** Problem (its code without `input/`) → path of its first occurrence: each is reported once per event. */
  issues: Record<string, string>;
  /** An upper bound of the event's JSON size in bytes (6 per UTF-16 unit covers `\uXXXX`). */
  bytes: number;
}

/** The validation limits, resolved. */
export interface SanitizeLimits {
  maxStringLength: number;
  maxDepth: number;
  maxEventBytes: number;
}

/** One sanitize pass: returns a JSON-safe copy of `value`, noting problems in `scan`. */
export type Sanitizer = (value: unknown, scan: Scan, root: string) => unknown;

/** Notes `<what>` (reported as `input/<what>`) at `path` unless already noted for this event; returns `value`. */
export const note = <T>(scan: Scan, what: string, path: string, value?: T): T | undefined => {
  scan.issues[what] = scan.issues[what] || path;
  return value;
};

/**
 * Creates the single-pass sanitizer every event's properties and traits go through. Never
 * throws: circular references, BigInt, functions, symbols, DOM nodes, non-finite numbers,
 * throwing getters, long strings and deep nesting are repaired, each noted once per event.
 * Strings are redacted (privacy) in the same pass.
 */
export const createSanitizer = (l: SanitizeLimits, redact: (s: string) => string): Sanitizer => {
  const { maxStringLength: max, maxDepth } = l;
  const cap = l.maxEventBytes * SIZE_RATIO;
  return (value, scan, root) => {
    // The objects being walked, outermost first: the one at depth d finds its ancestors at
    // 0..d-1, so an exception anywhere needs no clean-up.
    const stack: object[] = [];
    // The path is a stack, joined only when a problem is noted: no string building per key.
    const path: string[] = [root];
    const flag = <T>(what: string, v?: T): T | undefined => note(scan, what, path.join('.'), v);

    // Throws only where the caller's object does (a getter, toJSON, a Proxy).
    const walk = (v: unknown, d: number): unknown => {
      const t = typeof v;
      scan.bytes += SIZE_RATIO;
      if (t == 'string') {
        let s = redact(v as string);
        if (s.length > max) s = flag('string-truncated', s.slice(0, max) + '…')!;
        scan.bytes += s.length * 6;
        return s;
      }
      if (t == 'number') return isFinite(v as number) ? v : flag('not-finite', null);
      // 'bigint', 'function' and 'symbol' are also the words of their codes.
      if (t == 'bigint') return flag(t), walk(String(v), d);
      if (t == 'function' || t == 'symbol') return flag(t);
      if (!v || t != 'object') return v;
      const o = v as Record<string, unknown>;
      stack.length = d;
      if (stack.includes(o)) return flag('circular', '[Circular]');
      if (d >= maxDepth) return flag('too-deep');
      // A DOM node is never walked: huge, cyclic, and personal data inside.
      if ((o.nodeType as number) > 0 && typeof o.nodeName == 'string') return flag('dom-node', o.nodeName);
      stack.push(o);
      // Not an array's: Prototype.js before 1.7 gives each one a toJSON that makes it a string (see toJson).
      if (!Array.isArray(o) && typeof o.toJSON == 'function') return walk(o.toJSON(), d + 1);
      const list = Array.isArray(o);
      // Indexed, not mapped: a sparse `new Array(1e9)` must stop at the size cap.
      const keys: ArrayLike<unknown> = list ? o : Object.keys(o);
      let out = (list ? [] : {}) as Record<string, unknown> & unknown[];
      for (let i = 0; i < keys.length; i++) {
        if (scan.bytes > cap) {
          flag('too-large');
          break;
        }
        const k = list ? '' + i : (keys[i] as string);
        let x: unknown;
        path.push(k);
        try {
          x = walk(o[k], d + 1);
        } catch {
          flag('unreadable');
        }
        path.pop();
        if (list) out.push(x ?? null);
        else if (x !== undefined) {
          scan.bytes += k.length * 6;
          // An own "__proto__" key (from JSON.parse) must stay data, not become the prototype:
          // a computed key in a literal is defined, never set.
          if (k == '__proto__') out = { ...out, [k]: x } as never;
          else out[k] = x;
        }
      }
      return out;
    };

    try {
      return walk(value, 0);
    } catch {
      return flag('unreadable');
    }
  };
};
