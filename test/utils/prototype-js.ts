/**
 * What Prototype.js before 1.7 (still on old shops) does to arrays: an enumerable
 * `Array.prototype.toJSON` returning the array's JSON as a string, items joined by ", ".
 * JSON.stringify then writes every list as a string (`"[1, 2]"` for `[1,2]`). Written here
 * from that description, for specs; `undo` puts Array.prototype back.
 */
export function addPrototypeJsToJson(): () => void {
  const proto = Array.prototype as unknown as { toJSON?: () => string };
  proto.toJSON = function toJSON(this: unknown[]): string {
    const items: string[] = [];
    for (const item of this) {
      const json = JSON.stringify(item);
      if (json !== undefined) items.push(json);
    }
    return `[${items.join(', ')}]`;
  };
  return () => void delete proto.toJSON;
}

/** The same definition as page script, for an init script in Chromium. */
export const PROTOTYPE_JS_TO_JSON = `Array.prototype.toJSON = function () {
  var items = [];
  for (var i = 0; i < this.length; i++) { var json = JSON.stringify(this[i]); if (json !== undefined) items.push(json); }
  return '[' + items.join(', ') + ']';
};`;
