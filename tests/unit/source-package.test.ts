/**
 * The source package is what git holds at HEAD: tried on a temporary clone of this repository
 * with an untracked and an ignored file beside the tracked ones.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untrackedFiles, writeSourcePackage } from '../../scripts/source-package';

const ROOT = resolve(import.meta.dirname, '../..');
const run = (cwd: string, cmd: string, ...args: string[]) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8' });

let work: string;
let clone: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rivalry-lens-sources-'));
  clone = join(work, 'clone');
  run(work, 'git', 'clone', '--quiet', '--shared', ROOT, clone);
  writeFileSync(join(clone, 'untracked-notes.txt'), 'not for the package\n');
  mkdirSync(join(clone, 'demo-output'), { recursive: true });
  writeFileSync(join(clone, 'demo-output', 'ignored.png'), 'ignored by .gitignore\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('source package', () => {
  it('holds every file git tracks at HEAD and nothing else', () => {
    const out = join(work, 'sources.zip');
    writeSourcePackage(clone, out, 'pkg');
    const entries = run(work, 'unzip', '-Z1', out)
      .split('\n')
      .filter((entry) => entry && !entry.endsWith('/'));
    const tracked = run(clone, 'git', 'ls-files').split('\n').filter(Boolean);
    expect(untrackedFiles(clone)).toEqual(['untracked-notes.txt']);
    expect(entries.sort()).toEqual(tracked.map((file) => `pkg/${file}`).sort());
    expect(entries).not.toContain('pkg/untracked-notes.txt');
    expect(entries).not.toContain('pkg/demo-output/ignored.png');
    expect(entries).toContain('pkg/package-lock.json');
  });

  it('is refused while a tracked file differs from HEAD', () => {
    writeFileSync(join(clone, 'README.md'), 'changed\n');
    expect(() => writeSourcePackage(clone, join(work, 'dirty.zip'), 'pkg')).toThrow(/README\.md/);
    run(clone, 'git', 'checkout', '--', 'README.md');
  });
});
