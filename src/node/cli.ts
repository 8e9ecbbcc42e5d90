// The `sightline-train` bin, built to dist/bin/sightline-train.js (the build adds the
// `#!/usr/bin/env node` line). The one module in src/node that runs on load; everything
// else is importable without side effects.
import { main } from './main';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
