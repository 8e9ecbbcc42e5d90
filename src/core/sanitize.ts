import { INPUT_ERRORS as E } from './errors';

/** What one event's sanitize passes found. */
export interface Scan {
  /** Problem code → path of its first occurrence: each code is reported once per event. */
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

// A number counts 24 bytes in the upper bound and is 1 byte at least, so the real JSON is at
// least bound / 24: past maxEventBytes × 24 nothing can fit, and walking stops (bounded work).
const RATIO = 24;

/**
 * Creates the single-pass sanitizer every event's properties and traits go through. Never
 * throws: circular references, BigInt, functions, symbols, DOM nodes, non-finite numbers,
 * throwing getters, long strings and deep nesting are repaired, each noted once per event.
 * Strings are redacted (privacy) in the same pass.
 */
export function createSanitizer(l: SanitizeLimits, redact: (s: string) => string): Sanitizer {
  const cap = l.maxEventBytes * RATIO;
  return (value, scan, root) => {
    const seen = new Set<object>();
    // The path is a stack, joined only when a problem is noted: no string building per key.
    const path: unknown[] = [root];
    const flag = (code: string): undefined => void (scan.issues[code] ||= path.join('.'));

    const walk = (v: unknown, d: number): unknown => {
      const t = typeof v;
      scan.bytes += RATIO;
      if (t == 'string') {
        let s = redact(v as string);
        if (s.length > l.maxStringLength) flag(E.stringTruncated), (s = s.slice(0, l.maxStringLength) + '…');
        scan.bytes += s.length * 6;
        return s;
      }
      if (t == 'number') return isFinite(v as number) ? v : flag(E.notFinite) ?? null;
      if (t == 'bigint') return flag(E.bigint) ?? walk(String(v), d);
      if (t == 'function' || t == 'symbol') return flag(t == 'symbol' ? E.symbol : E.function);
      if (!v || t != 'object') return v;
      const o = v as Record<string, unknown>;
      if (seen.has(o)) return flag(E.circular) ?? '[Circular]';
      if (d >= l.maxDepth) return flag(E.tooDeep);
      try {
        // A DOM node is never walked: huge, cyclic, and personal data inside.
        if ((o.nodeType as number) > 0 && typeof o.nodeName == 'string')
          return flag(E.domNode) ?? `[${(o.constructor as { name?: string } | undefined)?.name || 'Node'} ${o.nodeName.toLowerCase()}]`;
        seen.add(o);
        if (typeof o.toJSON == 'function') return walk(o.toJSON(), d + 1);
        const list = Array.isArray(o) ? o : o instanceof Set || ArrayBuffer.isView(o) ? Array.from(o as unknown as ArrayLike<unknown>) : 0;
        const map = o instanceof Map;
        const out: Record<string, unknown> = list ? (([] as unknown) as Record<string, unknown>) : {};
        // Indexed, not mapped: a sparse `new Array(1e9)` must stop at the size cap.
        const keys = list || (map ? [...o.keys()] : Object.keys(o));
        for (let i = 0; i < keys.length; i++) {
          if (scan.bytes > cap) {
            flag(E.tooLarge);
            break;
          }
          const key = list ? i : keys[i];
          const k = String(key);
          path.push(k);
          let x: unknown;
          try {
            x = walk(list ? list[i] : map ? o.get(key) : o[k], d + 1);
          } catch {
            // Only a throwing getter gets here: walk() itself never throws.
            flag(E.unreadable);
          }
          path.pop();
          if (list) (out as unknown as unknown[]).push(x ?? null);
          else if (x !== undefined) {
            scan.bytes += k.length * 6;
            // An own "__proto__" key (from JSON.parse) must stay data, not become the prototype.
            if (k == '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
            else out[k] = x;
          }
        }
        return out;
      } catch {
        return flag(E.unreadable);
      } finally {
        seen.delete(o);
      }
    };

    return walk(value, 0);
  };
}
