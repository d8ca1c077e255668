/**
 * `npm run zip`: the Chrome Web Store package, the addons.mozilla.org package and the source
 * package AMO's review asks for, in `.output/`. The extension packages are WXT's; the source
 * package is `git archive` of HEAD (see ./source-package.ts), not WXT's copy of the folder,
 * which would take in untracked files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { untrackedFiles, writeSourcePackage } from './source-package.ts';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const prefix = `${name}-${version}-sources`;
const sources = join(root, '.output', `${prefix}.zip`);

// First, so that a changed tracked file stops the run before anything is built.
writeSourcePackage(root, sources, prefix);
for (const browser of ['chrome', 'firefox']) {
  execFileSync('npx', ['wxt', 'zip', '-b', browser], { cwd: root, stdio: 'inherit' });
}
const left = untrackedFiles(root);
console.log(
  `Source package: ${sources} (HEAD, ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()})`,
);
if (left.length) console.log(`Left out, not tracked by git:\n  ${left.join('\n  ')}`);
