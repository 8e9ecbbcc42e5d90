import type { Properties } from '../../types';

/**
 * The `data-sl-*` attributes of `el` as properties, minus the reserved ones: kebab-case
 * names become camelCase (`data-sl-plan-name` → `planName`), or snake_case with
 * `snake` (`data-sl-product-id` → `product_id`, the Segment commerce spelling).
 */
export const dataProps = (el: Element, snake?: boolean): Properties => {
  const props: Properties = {};
  for (const { name, value } of el.attributes) {
    const key = name.startsWith('data-sl-') && name.slice(8);
    // The reserved names steer capture and are no properties (written in place: as a
    // module constant the pattern cost 9 B).
    const reserved = /^(event|no-capture|id|commerce|product-impression|promotion-impression)$/;
    if (key && !reserved.test(key)) props[snake ? key.replace(/-/g, '_') : key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return props;
};
