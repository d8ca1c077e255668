import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

async function scan(...files: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/scan.ts', ...files], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rivalry-scan-'));
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  // A byte-order mark, then a non-BMP character before the name: offsets are UTF-16 units
  // into the text without the mark.
  writeFileSync(
    a,
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('🚀 SpaceX and Stoke City', 'utf8'),
    ]),
  );
  writeFileSync(b, 'nothing here');

  it('prints one JSON line per file with offsets into the decoded text', async () => {
    const { code, stdout } = await scan(a, b);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { file: a, mentions: [{ entity: 'spacex', start: 3, end: 9, text: 'SpaceX', score: 1 }] },
      { file: b, mentions: [] },
    ]);
  }, 30_000);

  it('names an unreadable file on stderr, still reports the others, and exits non-zero', async () => {
    const missing = join(dir, 'missing.txt');
    const { code, stdout, stderr } = await scan(missing, a);
    expect(code).not.toBe(0);
    expect(stderr).toContain(missing);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).file).toBe(a);
  }, 30_000);
});
