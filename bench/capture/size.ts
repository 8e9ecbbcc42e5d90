// Brotli size of each capture plugin as a consumer's bundler would ship it: esbuild
// --bundle --minify of one import at the package's syntax target (ES2019, what the
// rollup build emits), web-vitals left external (a dependency with its own budget)
// except in the "+ web-vitals" rows. Prints a table and writes
// bench/results/capture-size.json. Run: node bench/capture/size.ts
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const FROM = "from './src/capture/index'";
const ENTRIES: Record<string, string> = {
  'all exports': `export * ${FROM}`,
  autocapture: `export { autocapture } ${FROM}`,
  pageviews: `export { pageviews } ${FROM}`,
  clicks: `export { clicks } ${FROM}`,
  forms: `export { forms } ${FROM}`,
  engagement: `export { engagement } ${FROM}`,
  commerce: `export { commerce } ${FROM}`,
  'commerce helpers (all 16)': `export { productsSearched, productListViewed, productClicked, productViewed, productAdded, productRemoved, cartViewed, checkoutStarted, checkoutStepViewed, checkoutStepCompleted, paymentInfoEntered, orderCompleted, orderRefunded, promotionViewed, promotionClicked, couponApplied } ${FROM}`,
  'GA4 tables': `export { GA4_EVENT_NAMES, GA4_ITEM_PARAMS, GA4_EVENT_PARAMS } ${FROM}`,
  vitals: `export { vitals } ${FROM}`,
  context: `export { context } ${FROM}`,
  errors: `export { errors } ${FROM}`,
};
const WITH_WEB_VITALS = ['all exports', 'autocapture', 'vitals'];
/** What each plugin adds to autocapture(): the whole set minus the set without it. */
const PLUGINS = ['context', 'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals'];

async function measure(contents: string, external: string[]): Promise<{ minified: number; brotli: number }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2019',
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

const rows: Array<{ entry: string; minified: number; brotli: number }> = [];
const external = ['web-vitals', 'web-vitals/*'];
for (const [entry, contents] of Object.entries(ENTRIES)) {
  rows.push({ entry, ...(await measure(contents, external)) });
  if (WITH_WEB_VITALS.includes(entry)) rows.push({ entry: `${entry} + web-vitals`, ...(await measure(contents, [])) });
}
const set = (names: string[]): string => `import { ${names.join(', ')} } ${FROM}; export default [${names.map((n) => `${n}()`).join(', ')}];`;
const all = await measure(set(PLUGINS), external);
for (const plugin of PLUGINS) {
  const without = await measure(set(PLUGINS.filter((p) => p !== plugin)), external);
  rows.push({ entry: `autocapture: share of ${plugin}`, minified: all.minified - without.minified, brotli: all.brotli - without.brotli });
}
console.log(`${'entry'.padEnd(32)} ${'min B'.padStart(7)} ${'brotli B'.padStart(9)}`);
for (const row of rows) console.log(`${row.entry.padEnd(32)} ${String(row.minified).padStart(7)} ${String(row.brotli).padStart(9)}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/capture-size.json', `${JSON.stringify({ date: new Date().toISOString(), target: 'es2019', rows }, null, 2)}\n`);
