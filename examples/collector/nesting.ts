/**
 * True when `value` nests objects and arrays more than `limit` levels deep, `value` itself
 * being level 1. Iterative, with an explicit stack: a recursive walk would overflow the call
 * stack on the very values it is meant to refuse.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [object, number][] = isContainer(value) ? [[value, 1]] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [container, depth] = next;
    if (depth > limit) return true;
    for (const child of Object.values(container)) {
      if (isContainer(child)) pending.push([child, depth + 1]);
    }
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
