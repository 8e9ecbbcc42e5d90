import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The layers of DESIGN.md, lowest first. Entries are the package's front doors. */
const LAYERS: Record<string, number> = {
  lib: 0,
  storage: 1,
  core: 2,
  transport: 3,
  capture: 3,
  fingerprint: 3,
  session: 3,
  recommend: 3,
  experiments: 3,
  browser: 4,
  node: 4,
};

/** Folders that must not import each other. */
export const FEATURES = new Set(['transport', 'capture', 'fingerprint', 'session', 'recommend', 'experiments']);

export interface Layer {
  name: string;
  rank: number;
}

export interface ImportEdge {
  from: string;
  to: string;
  fromLayer: Layer | undefined;
  toLayer: Layer | undefined;
  typeOnly: boolean;
  external: boolean;
}

/** The layer of a file under src/ (`src/index.ts` is an entry; `src/types.ts` has no runtime code). */
export function layerOf(file: string): Layer | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts.length === 2) return parts[1] === 'types.ts' ? { name: 'types', rank: -1 } : { name: 'entry', rank: 4 };
  const name = parts[1]!;
  return name in LAYERS ? { name, rank: LAYERS[name]! } : undefined;
}

/** Every .ts file below `root`, as a path relative to the repository. */
export function listSources(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

// import … from '…' / export … from '…' / import '…' / import('…'); `type` marks type-only.
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The import edges of every source file below `root`. */
export function collectImports(root: string): ImportEdge[] {
  return listSources(root).flatMap((from) => {
    const text = readFileSync(from, 'utf8');
    return [...text.matchAll(IMPORT)].map((m) => {
      const spec = (m[3] ?? m[4])!;
      const external = !spec.startsWith('.');
      const to = external ? spec : resolveSource(join(dirname(from), spec));
      return { from, to, fromLayer: layerOf(from), toLayer: external ? undefined : layerOf(to), typeOnly: Boolean(m[2]), external };
    });
  });
}

function resolveSource(path: string): string {
  const base = normalize(path).replace(/\.(ts|js)$/, '');
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), `${base}.js`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return base;
}
