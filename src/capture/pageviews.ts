import type { Plugin, Properties } from '../types';
import { capturePlugin } from './shared/scope';
import { onNavigation, settle } from './shared/navigation';

/** Options of {@link pageviews}. */
export interface PageviewsOptions {
  /**
   * Treat a change of the URL hash as a new page (hash routers such as `#/cart`); the
   * hash is then part of `path` and `url`. Default `false`: the hash is ignored.
   */
  hash?: boolean;
  /** Send a page view for the page the plugin starts on. Default `true`. */
  initial?: boolean;
}

/**
 * Page views: the first load, every SPA navigation (pushState, replaceState, popstate,
 * hashchange), one `page` call per distinct URL (the same URL twice in a row is one view),
 * and every restore from the back/forward cache (a view as for a load).
 * Properties: `title`, `path`, `url`, `search`, `referrer` (the previous URL after an SPA
 * navigation) and `previousPath`. The title is read after the next frame, so an SPA that
 * sets it after pushState is seen with its new title.
 */
export const pageviews = (options?: PageviewsOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { hash, initial } = Object(options) as PageviewsOptions;
  return capturePlugin('pageviews', (scope) => {
    // The URL identifies a view: without the hash unless hash routing counts.
    const url = (): string => (hash ? location.href : location.href.split('#')[0]!);
    const path = (): string => location.pathname + (hash ? location.hash : '');
    // The last view sent (what a new one names as its referrer and previous path).
    let last: Properties | undefined = initial === false ? { url: url(), path: path() } : undefined;
    // Run through scope.later, which guards it.
    const view = (): void => {
      if (last && last.url == url()) return;
      scope.client.page(
        (last = {
          title: document.title,
          path: path(),
          url: url(),
          search: location.search,
          referrer: last ? last.url : document.referrer,
          ...(last && { previousPath: last.path }),
        }),
      );
    };
    // A task after the navigation's other listeners: what they send about the page left
    // ("Page Left", "Form Abandoned", impressions) precedes the new page view (if the URL
    // changed: the view tells).
    onNavigation(scope, () => scope.later(view, 0));
    // A restore from the back/forward cache is a new view, as for a load (no script runs again).
    scope.on(window, 'pageshow', (event: PageTransitionEvent) => event.persisted && ((last = undefined), view()));
    // The first view, once the page has rendered (the other subscribers see no new page).
    if (!last) settle();
  });
};
