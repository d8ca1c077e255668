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

/**
 * What the figures mean and why some targets stand where they do. Fixed text, so that every run
 * writes it again beside its own figures; what a run measures belongs in the table instead.
 */
export const NOTES = `## What the figures mean

- **The targets.** The big page is a 2 MB page of 20,000 paragraphs with 1,500 mentions and 300
  hard negatives; its target is the last highlight painted within twice the time of the floor, one
  regex of the dataset's exact names run at \`DOMContentLoaded\` with nothing sliced, and the
  mentions in the viewport painted before the rest. "No task of ours over 50 ms" is the length at
  which a task delays input. The article (50 KB, no mention) stands for the page most people read
  most of the time, the feed for infinite scroll (50 posts a batch), the hostile pages for what a
  page can do to a content script (one text node of 10 MB, elements nested 5,000 deep, a paragraph
  of a million text nodes). The bundle's size matters because compiling and running its top level
  is paid on every page a new renderer process opens.
- **Why "5× faster than mark.js" cannot be met.** mark.js and the floor each run in one task at
  \`DOMContentLoaded\`; ours is sliced into idle time so that no task of ours blocks the page, so it
  finishes after them. The floor itself finishes only a little before mark.js: being five times
  faster than mark.js would mean painting before the page has finished parsing.
- **The reference extensions** (\`scripts/bench/reference-extensions.ts\`) are loaded and traced
  exactly as ours, in the same run, to tell the browser's cost from ours: a content script that
  does nothing (what running any content script costs); one that visits every element of the body
  once and reads the body's \`textContent\`; one that serializes the body with \`getHTML()\` and
  splits it at every tag. The last two are the two cheap ways of seeing where a page's blocks meet,
  which any reader of page text must do (the body's text alone runs "Home" into "OpenAI"). The
  article's target, 1.5× the one that visits every element, leaves half that cost again for a
  reader's own start-up, its look for names and its messages. On the big page, a fourth runs
  the floor's code as a content script in one task: issue #19 measures the time from our content
  script's start to the last highlight against it, since both then pay a content script's world
  for every node they touch. Our main-thread time is still held to the floor run in the page.
- **A new tab against a page of the same site.** Reached from another page of the same site, the
  article is read in a renderer process that has already compiled our script (V8 keeps compiled
  scripts per process); opened in a new tab, the process is new and the script is compiled from
  scratch, so that figure carries the whole start-up. Most pages are reached the first way, many
  the second; the table gives both.
- **"Ours" and the garbage collector.** A task of ours can hold a garbage collection of the page's
  heap that merely fell due in it (on the hostile pages especially, just after the page made
  millions of nodes); "most of our own work in one task" leaves those steps out, "longest task of
  ours" keeps them.
- **The matcher's accuracy** is \`npm run eval:matcher\`, not this benchmark: the labelled corpus
  (\`tests/corpus/\`) has hard negatives for about half its snippets and four languages besides
  English. The matcher was tuned on its first 403 snippets, so the figure there is optimistic; the
  last 150 (\`second-annotator.txt\`) were written by someone who never saw the matcher or its
  data (on first contact: core F1 0.994, extended F1 0.970; the five errors were then fixed). An
  exact alias regex and naive fuse.js over word windows are the baselines it prints.
  \`npm run bench:matcher\` times the matcher on 5 MB of mixed text against one alternation regex
  of the exact names (target: at most 3×).
- **Comparing runs.** The machines these runs are made on are shared and their load varies:
  figures move by tens of percent from one run to the next. Compare two builds interleaved in the
  same session on the same machine (the "Machine" section above says which it was), not against
  an older table.`;

/** What `npm run bench` writes to docs/benchmark.md. */
export interface BenchDocument {
  date: string;
  rows: readonly Row[];
  machine: Record<string, string>;
  /** Paragraphs of "Where the time goes": start-up, long tasks, profiles, bundle parts. */
  whereTheTimeGoes: readonly string[];
  method: string;
}

export function benchmarkDocument(d: BenchDocument): string {
  return [
    '# Benchmark',
    '',
    `Results of \`npm run bench\` (${d.date}).`,
    '',
    table(d.rows),
    '',
    '## Machine',
    '',
    ...Object.entries(d.machine).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Where the time goes',
    '',
    ...d.whereTheTimeGoes.filter(Boolean).flatMap((p) => [p, '']),
    '## Method',
    '',
    d.method,
    '',
    NOTES,
    '',
  ].join('\n');
}
