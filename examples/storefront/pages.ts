import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importMap } from './vendor.ts';
import { scriptTagSnippet, type SnippetOptions } from './snippet.ts';

/** Which HTML document answers which path. Listing and product routes share the SPA shell. */
const ROUTES: [RegExp, string][] = [
  [/^\/(?:index\.html)?$/, 'index.html'],
  [/^\/(?:category|products)\/[\w-]+\/?$/, 'index.html'],
  [/^\/search\/?$/, 'index.html'],
  [/^\/cart(?:\.html)?\/?$/, 'cart.html'],
  [/^\/checkout(?:\.html)?\/?$/, 'checkout.html'],
  [/^\/confirmation(?:\.html)?\/?$/, 'confirmation.html'],
  // The one page that loads sightline as an ES module instead of the script tag.
  [/^\/(?:lookbook|esm)(?:\.html)?\/?$/, 'lookbook.html'],
];

/** The HTML file for a path, or null. */
export function pageFor(pathname: string): string | null {
  return ROUTES.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** What every page's <head> shares (the pages say `<!--shop-head-->`): one place to change it. */
const SHOP_HEAD = `<meta name="description" content="Sightline Outfitters: independent outdoor gear — jackets, packs, footwear and camp kit.">
  <meta name="theme-color" content="#2f5d50">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/styles/base.css">
  <link rel="stylesheet" href="/styles/shop.css">
  <link rel="stylesheet" href="/styles/overlays.css">`;

/** Reads a page and fills its placeholders: the shared head, the script-tag snippet or the import map. */
export async function renderPage(publicDir: string, file: string, options: SnippetOptions & { nodeModulesDir: string }): Promise<string> {
  const html = await readFile(join(publicDir, file), 'utf8');
  const map = JSON.stringify(importMap(options.nodeModulesDir), null, 2).replace(/</g, '\\u003c');
  return html
    .replace('<!--shop-head-->', SHOP_HEAD)
    .replace('<!--sightline-->', scriptTagSnippet(options))
    .replace('<!--importmap-->', `<script type="importmap">${map}</script>`);
}

/** A small, on-brand 404 page. */
export function notFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found — Sightline Outfitters</title><link rel="stylesheet" href="/styles/base.css"></head>
<body><main class="container" style="text-align:center;padding:80px 0"><h1>We could not find that trail</h1>
<p class="muted">The page you asked for does not exist.</p><a class="btn btn-primary" href="/">Back to the shop</a></main></body></html>`;
}
