/**
 * The results table (printed, and written to docs/benchmark.md with the machine it ran on).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { CHROMIUM } from './browser.ts';

export interface Row {
  measure: string;
  value: string;
  reference: string;
  target: string;
  /** 'yes', 'NO', or '' when there is no target. */
  met: '' | 'yes' | 'NO';
}

export const ms = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : `${x.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const verdict = (ok: boolean): 'yes' | 'NO' => (ok ? 'yes' : 'NO');

export function machine(): Record<string, string> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: 'pipe' })
      .split('\n')
      .filter((l) => /chromium/i.test(l))
      .join(' ')
      .trim();
  } catch {
    // Reported as unknown.
  }
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: 'pipe' }).trimEnd();
  // The build is of the working tree: say when it differs from the commit.
  const dirty = git('status', '--porcelain', '--', 'content', 'core', 'entrypoints', 'components')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${model} (nproc ${nproc})`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    chromium,
    node: process.version,
    code: `commit ${git('rev-parse', '--short', 'HEAD').trim()}${dirty.length ? ` with uncommitted changes in ${dirty.join(', ')}` : ''}`,
    'load average at start': loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}

export function table(rows: readonly Row[]): string {
  const head = ['measure', 'Rivalry Lens', 'reference', 'target', 'met'];
  const lines = rows.map((r) => [r.measure, r.value, r.reference, r.target, r.met]);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...lines.map((l) => `| ${l.map(esc).join(' | ')} |`),
  ].join('\n');
}
