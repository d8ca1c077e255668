/**
 * The source package Firefox's review asks for: exactly what git holds at HEAD (`git archive`),
 * so an untracked or ignored file in the working tree (local output, a note, a key) can never
 * slip in. The packages are built from the working tree, so a tracked file changed since HEAD
 * would make the two disagree: that is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// trimEnd: a status line starts with a space (" M file").
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trimEnd();

/** Tracked files whose content differs from HEAD (staged or not). */
export function changedTrackedFiles(repo: string): string[] {
  return git(repo, 'status', '--porcelain', '--untracked-files=no')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** Untracked files that are not ignored: left out of the source package. */
export function untrackedFiles(repo: string): string[] {
  return git(repo, 'ls-files', '--others', '--exclude-standard').split('\n').filter(Boolean);
}

/**
 * Writes `out`, a zip of HEAD with every file under `prefix/`. Throws if a tracked file was
 * changed since HEAD.
 */
export function writeSourcePackage(repo: string, out: string, prefix: string): void {
  const changed = changedTrackedFiles(repo);
  if (changed.length) {
    throw new Error(
      `commit or stash these first, the source package is made from HEAD:\n  ${changed.join('\n  ')}`,
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  git(repo, 'archive', '--format=zip', `--prefix=${prefix}/`, '--output', out, 'HEAD');
}
