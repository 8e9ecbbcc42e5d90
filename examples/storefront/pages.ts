import { importMap } from './vendor.ts';
import { attr, scriptTagSnippet, type SnippetOptions } from './snippet.ts';

/** One page of the shop: its title, its script in public/js/pages/, and how it loads sightline. */
interface Page {
  title: string;
  script: string;
  /** `tag`: the documented script tag; `module`: an import map and `import 'sightline'`. */
  sdk: 'tag' | 'module';
}

const PAGES = {
  shop: { title: 'Sightline Outfitters — outdoor gear', script: 'app', sdk: 'tag' },
  cart: { title: 'Your cart — Sightline Outfitters', script: 'cart', sdk: 'tag' },
  checkout: { title: 'Checkout — Sightline Outfitters', script: 'checkout', sdk: 'tag' },
  confirmation: { title: 'Order confirmed — Sightline Outfitters', script: 'confirmation', sdk: 'tag' },
  // The one page that loads sightline as an ES module instead of the script tag.
  lookbook: { title: 'Lookbook — Sightline Outfitters', script: 'lookbook', sdk: 'module' },
} as const satisfies Record<string, Page>;

/** A page of the shop, by name. */
export type PageName = keyof typeof PAGES;

/** Which page answers which path. Listing and product routes share the SPA shell. */
const ROUTES: [RegExp, PageName][] = [
  [/^\/(?:index\.html)?$/, 'shop'],
  [/^\/(?:category|products)\/[\w-]+\/?$/, 'shop'],
  [/^\/search\/?$/, 'shop'],
  [/^\/cart(?:\.html)?\/?$/, 'cart'],
  [/^\/checkout(?:\.html)?\/?$/, 'checkout'],
  [/^\/confirmation(?:\.html)?\/?$/, 'confirmation'],
  [/^\/(?:lookbook|esm)(?:\.html)?\/?$/, 'lookbook'],
];

/** The page for a path, or null. */
export function pageFor(pathname: string): PageName | null {
  return ROUTES.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** What every page's <head> shares: one place to change it. */
const SHOP_HEAD = `<meta name="description" content="Sightline Outfitters: independent outdoor gear — jackets, packs, footwear and camp kit.">
  <meta name="theme-color" content="#2f5d50">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/styles/base.css">
  <link rel="stylesheet" href="/styles/shop.css">
  <link rel="stylesheet" href="/styles/overlays.css">`;

/**
 * The HTML of a page: every page is the same shell (the shared head, sightline, the page's
 * module, an empty <main> its script renders into), so it is written once, here. `title`
 * (plain text) replaces the page's own: the SPA shell's differs by route.
 */
export function renderPage(name: PageName, options: SnippetOptions & { nodeModulesDir: string }, title: string = PAGES[name].title): string {
  const { script, sdk } = PAGES[name];
  const sightline =
    sdk === 'tag'
      ? scriptTagSnippet(options)
      : `<script type="importmap">${JSON.stringify(importMap(options.nodeModulesDir), null, 2).replace(/</g, '\\u003c')}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${attr(title)}</title>
  ${SHOP_HEAD}
  ${sightline}
  <script type="module" src="/js/pages/${script}.js"></script>
</head>
<body>
  <main id="main" class="container" tabindex="-1" aria-busy="true"></main>
  <noscript><p class="container">This demo shop needs JavaScript.</p></noscript>
</body>
</html>
`;
}

/** A small, on-brand 404 page. */
export function notFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found — Sightline Outfitters</title><link rel="stylesheet" href="/styles/base.css"></head>
<body><main class="container" style="text-align:center;padding:80px 0"><h1>We could not find that trail</h1>
<p class="muted">The page you asked for does not exist.</p><a class="btn btn-primary" href="/">Back to the shop</a></main></body></html>`;
}
