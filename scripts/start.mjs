// `npm start`. Until the desktop app lands, this runs the `parallax` command
// line on the bundled sample story and prints the comparison as Markdown, so
// `npm install && npm start` shows a new user what Parallax does.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const storyDir = join('assets', 'sample-story');
const files = readdirSync(storyDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => join(storyDir, name));

process.stdout.write(`Parallax — comparing the sample story (${files.length} versions in ${storyDir})\n\n`);
const result = spawnSync(process.execPath, ['bin/parallax.js', 'compare', ...files, '--format', 'md'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
