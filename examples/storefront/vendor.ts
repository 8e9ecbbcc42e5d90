import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ESM build keeps its runtime dependencies as bare imports (a bundler resolves them);
 * a browser loading `/sdk/esm/index.js` directly needs an import map pointing them at
 * files the storefront serves from node_modules under `/vendor/<package>/`.
 */
export const VENDOR_PACKAGES = ['idb-keyval', 'web-vitals'] as const;

type ExportTarget = string | { import?: string; module?: string; default?: string } | null;

function target(value: ExportTarget): string | undefined {
  if (typeof value === 'string') return value;
  return value?.import ?? value?.module ?? value?.default;
}

/** `{ imports: { "idb-keyval": "/vendor/idb-keyval/dist/index.js", … } }` for every exported subpath. */
export function importMap(nodeModulesDir: string): { imports: Record<string, string> } {
  const imports: Record<string, string> = {};
  for (const name of VENDOR_PACKAGES) {
    let manifest: { exports?: Record<string, ExportTarget>; module?: string };
    try {
      manifest = JSON.parse(readFileSync(join(nodeModulesDir, name, 'package.json'), 'utf8'));
    } catch {
      continue; // not installed: the page will report the failed import in the console
    }
    const exportsMap = manifest.exports ?? { '.': manifest.module ?? 'index.js' };
    for (const [key, value] of Object.entries(exportsMap)) {
      const file = target(value);
      if (key.includes('*') || !file?.endsWith('.js')) continue;
      imports[name + key.slice(1)] = `/vendor/${name}/${file.replace(/^\.\//, '')}`;
    }
  }
  return { imports };
}
