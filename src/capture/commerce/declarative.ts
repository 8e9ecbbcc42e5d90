import type { Properties } from '../../types';
import { dataProps } from '../shared/data-props';

/** Properties turned into numbers when they read as one (a promotion's slot name stays a string). */
const NUMERIC = /^(price|quantity|position|value|revenue|total|subtotal|discount|tax|shipping|step)$/;

/**
 * Commerce properties from `data-sl-*` attributes, snake_case as in the Segment spec
 * (`data-sl-product-id` → `product_id`), numbers where the spec has numbers.
 */
export const commerceProps = (el: Element): Properties => {
  const props = dataProps(el, true);
  for (const key in props) {
    const number = Number(props[key]);
    if (NUMERIC.test(key) && props[key] != '' && isFinite(number)) props[key] = number;
  }
  return props;
};

/**
 * The event of a `data-sl-commerce` click: the slug in title case
 * (`product-clicked` → "Product Clicked"), with the properties of the element, of its
 * nearest product/promotion ancestor, and `list_id` of the enclosing `[data-sl-list-id]`.
 */
export const declarativeEvent = (el: Element): [event: string, properties: Properties] | undefined => {
  const slug = el.getAttribute('data-sl-commerce');
  // The element itself when it is a product or promotion: its properties come last and win anyway.
  const item = el.closest('[data-sl-product-id],[data-sl-promotion-id]');
  const list = el.closest('[data-sl-list-id]');
  // A list id never reads as a number: it stays the attribute's string.
  const listId = list && (commerceProps(list).list_id as string | undefined);
  return slug
    ? [
        slug.replace(/-/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase()),
        { ...(listId && { list_id: listId }), ...(item && commerceProps(item)), ...commerceProps(el) },
      ]
    : undefined;
};
