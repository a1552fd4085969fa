#!/usr/bin/env node
// Thin launcher: the command line itself is bundled into dist/ by `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// The path is our own bundle next to this file, not user input.
// eslint-disable-next-line security/detect-non-literal-fs-filename
if (!existsSync(cli)) {
  process.stderr.write('parallax: the command line is not built yet; run `npm install` (or `npm run build:cli`) first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
