// Empties dist/ before a build: rollup's hashed chunk names change when the code does, and
// `files: ["dist"]` would otherwise ship the previous build's orphaned chunks to npm.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
