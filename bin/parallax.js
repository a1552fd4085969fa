#!/usr/bin/env node
// Thin launcher: the command line itself is bundled into dist/ by `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('parallax: the command line is not built yet; run `npm install` (or `npm run build:cli`) first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
