/**
 * `npm run verify:sources` (after `npm run zip`): does the source package rebuild the packages?
 * It unpacks the source package into a temporary folder, runs the build instructions of
 * docs/store/BUILDING.md there (`npm ci`, then both builds) and compares every file of the
 * rebuilt extensions, byte for byte, with the packages in `.output/` (zip timestamps aside).
 * It takes a fresh install, so it is a release step, not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'rivalry-lens-verify-'));
const run = (cwd: string, cmd: string, ...args: string[]) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/** Every file under `dir` by its relative path, with its SHA-256. */
function digests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out.set(relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

/** The differences between two folders' files, in words; empty when they are the same. */
function compare(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, hash] of expected) {
    if (!actual.has(path)) problems.push(`missing from the rebuild: ${path}`);
    else if (actual.get(path) !== hash) problems.push(`differs: ${path}`);
  }
  for (const path of actual.keys()) {
    if (!expected.has(path)) problems.push(`only in the rebuild: ${path}`);
  }
  return problems;
}

const prefix = `${name}-${version}-sources`;
run(work, 'unzip', '-q', join(root, '.output', `${prefix}.zip`));
const src = join(work, prefix);
run(src, 'npm', 'ci', '--no-audit', '--no-fund');
run(src, 'npm', 'run', 'build');
run(src, 'npm', 'run', 'build:firefox');

let failed = false;
for (const [browser, out] of [
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv2'],
] as const) {
  const pkg = join(work, `${browser}-package`);
  run(work, 'unzip', '-q', '-d', pkg, join(root, '.output', `${name}-${version}-${browser}.zip`));
  const expected = digests(pkg);
  const problems = compare(expected, digests(join(src, '.output', out)));
  if (problems.length) {
    failed = true;
    console.error(`${browser}: the rebuild differs from the package:\n  ${problems.join('\n  ')}`);
  } else {
    console.log(
      `${browser}: the rebuild from the source package matches the package (${expected.size} files).`,
    );
  }
}
if (failed) process.exitCode = 1;
else rmSync(work, { recursive: true, force: true });
