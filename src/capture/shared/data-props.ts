import type { Properties } from '../../types';

/** `data-sl-*` attributes that steer capture and are not event properties. */
const RESERVED = /^(event|no-capture|id|commerce|product-impression|promotion-impression)$/;

/**
 * The `data-sl-*` attributes of `el` as properties, minus the reserved ones: kebab-case
 * names become camelCase (`data-sl-plan-name` → `planName`), or snake_case with
 * `snake` (`data-sl-product-id` → `product_id`, the Segment commerce spelling).
 */
export const dataProps = (el: Element, snake?: boolean): Properties => {
  const props: Properties = {};
  for (const { name, value } of el.attributes) {
    const key = name.startsWith('data-sl-') && name.slice(8);
    if (key && !RESERVED.test(key)) props[snake ? key.replace(/-/g, '_') : key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return props;
};
