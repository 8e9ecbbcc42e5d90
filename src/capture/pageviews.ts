import type { Plugin, Properties } from '../types';
import { capturePlugin } from './shared/scope';
import { nextFrame } from './shared/next-frame';
import { onNavigation } from './shared/navigation';

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

interface Seen {
  key: string;
  url: string;
  path: string;
}

/**
 * Page views: the first load and every SPA navigation (pushState, replaceState, popstate,
 * hashchange), one `page` call per distinct URL (the same URL twice in a row is one view).
 * Properties: `title`, `path`, `url`, `search`, `referrer` (the previous URL after an SPA
 * navigation) and `previousPath`. The title is read after the next frame, so an SPA that
 * sets it after pushState is seen with its new title.
 */
export function pageviews(options: PageviewsOptions = {}): Plugin {
  return capturePlugin('pageviews', (scope) => {
    const current = (): Seen => {
      const url = options.hash ? location.href : location.href.split('#')[0]!;
      return { key: url, url, path: location.pathname + (options.hash ? location.hash : '') };
    };
    let last: Seen | undefined;
    const view = scope.safe(() => {
      const seen = current();
      if (last?.key === seen.key) return;
      const props: Properties = { title: document.title, path: seen.path, url: seen.url, search: location.search, referrer: last ? last.url : document.referrer };
      if (last) props.previousPath = last.path;
      last = seen;
      scope.client.page(props);
    });
    if (options.initial === false) last = current();
    else nextFrame(view);
    onNavigation(scope, 'enter', view);
  });
}
