import { BOTTOM_SLACK_PX } from '../constants';

/** Scroll depth milestones, in percent of the page height. */
export const SCROLL_MILESTONES = [25, 50, 75, 100] as const;

/**
 * How far down the page the bottom of the viewport is, in whole percent rounded down (a
 * milestone is reached only once seen: 99.5 % of a long listing is not its bottom), and whether
 * the page scrolls at all: a page that fits the viewport is seen whole (100) but
 * never "scrolled".
 */
export const scrollDepth = (): [depth: number, scrollable: boolean] => {
  const { body } = document;
  const height = Math.max(document.documentElement.scrollHeight, body ? body.scrollHeight : 0);
  // The window's own globals, as context() reads innerWidth: no `window.` to repeat.
  const seen = scrollY + innerHeight;
  if (height <= innerHeight + BOTTOM_SLACK_PX) return [100, false];
  // Short of the bottom, what is seen is less than the height: 99 at most.
  return [height - seen <= BOTTOM_SLACK_PX ? 100 : Math.floor((seen / height) * 100), true];
};
