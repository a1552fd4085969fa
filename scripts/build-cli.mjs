// Bundles the Node-side entry points that run outside Electron (the `parallax`
// command line, the evaluation and the benchmarks) into dist/ with esbuild.
// Dependencies stay external: they resolve from node_modules at run time.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'electron/cli/main.ts',
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  'bench-library': 'scripts/bench-library.ts',
  'bench-eventloop': 'scripts/bench-eventloop.ts',
  'library-worker': 'electron/library/worker-main.ts',
};

const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
