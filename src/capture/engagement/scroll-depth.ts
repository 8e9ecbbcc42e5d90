/** Scroll depth milestones, in percent of the page height. */
export const SCROLL_MILESTONES = [25, 50, 75, 100] as const;
/** Within this many px of the bottom counts as the bottom (sub-pixel layouts, sticky footers). */
const BOTTOM_SLACK_PX = 2;

/**
 * How far down the page the bottom of the viewport is, in percent (0–100), and whether
 * the page scrolls at all: a page that fits the viewport is seen whole (100) but
 * never "scrolled".
 */
export function scrollDepth(): { depth: number; scrollable: boolean } {
  const height = Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
  const seen = window.scrollY + window.innerHeight;
  if (height <= window.innerHeight + BOTTOM_SLACK_PX) return { depth: 100, scrollable: false };
  return { depth: height - seen <= BOTTOM_SLACK_PX ? 100 : Math.min(100, Math.round((seen / height) * 100)), scrollable: true };
}

/** The scroll facts of one page view. */
export interface PageScroll {
  maxDepth: number;
  reached: Set<number>;
}

/**
 * Measures now, raises `maxDepth`, and returns the milestones newly reached (in order;
 * a jump passes several). A page that does not scroll reaches none.
 */
export function reachMilestones(page: PageScroll, milestones: readonly number[]): number[] {
  const { depth, scrollable } = scrollDepth();
  page.maxDepth = Math.max(page.maxDepth, depth);
  const reached = scrollable ? milestones.filter((m) => depth >= m && !page.reached.has(m)) : [];
  for (const milestone of reached) page.reached.add(milestone);
  return reached;
}
