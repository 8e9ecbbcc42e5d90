/**
 * What Prototype.js before 1.7 (still on old shops) gives Array.prototype as `toJSON`: the
 * array's JSON as a string, items joined by ", ". JSON.stringify then writes every list as
 * a string (`"[1, 2]"` for `[1,2]`). Written here from that description, for specs.
 */
function prototypeJsToJson(this: unknown[]): string {
  const items: string[] = [];
  for (const item of this) {
    const json = JSON.stringify(item);
    if (json !== undefined) items.push(json);
  }
  return `[${items.join(', ')}]`;
}

/** Gives Array.prototype Prototype.js's `toJSON`; the function returned puts it back. */
export function addPrototypeJsToJson(): () => void {
  const proto = Array.prototype as unknown as { toJSON?: () => string };
  proto.toJSON = prototypeJsToJson;
  return () => void delete proto.toJSON;
}

/** The same, as page script (an init script or an inline `<script>` in Chromium). */
export const PROTOTYPE_JS_TO_JSON = `Array.prototype.toJSON = ${prototypeJsToJson};`;
