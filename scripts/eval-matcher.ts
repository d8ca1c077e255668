/**
 * `npm run eval:matcher [-- --errors]`: scores `findMentions` on the labelled corpus
 * (`tests/corpus/*.txt`) and prints precision, recall and F1 per entity, for the core and the
 * extended entities pooled and for all, first with exact offsets and then leniently (overlap), with
 * the two baselines of `scripts/baselines.ts` beside it and counts by genre.
 * `--errors` lists every false positive and false negative (exact offsets) with its snippet;
 * `--dir DIR` scores another folder of snippets in the same markup.
 */

import { loadCorpus, type Snippet } from '../tests/corpus/parse-corpus.ts';
import {
  ALL_ENTITIES,
  CORE_ENTITIES,
  type CorpusScore,
  EXTENDED_ENTITIES,
  type MatchMode,
  prf,
  type Span,
  scoreCorpus,
  scoreMentions,
  type Tally,
} from '../tests/corpus/score.ts';
import { fuseBaseline, regexBaseline } from './baselines.ts';

type Finder = (text: string) => (Span & { text: string })[];

const showErrors = process.argv.includes('--errors');
// `--dir DIR`: another set of labelled snippets in the same markup (default: tests/corpus).
const dirAt = process.argv.indexOf('--dir');
const corpus =
  dirAt > 0 && process.argv[dirAt + 1] ? loadCorpus(process.argv[dirAt + 1]) : loadCorpus();

const pct = (x: number) => x.toFixed(3);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);

function row(label: string, tally: Tally): string {
  const { precision, recall, f1 } = prf(tally);
  return `${padEnd(label, 14)}${pad(tally.tp + tally.fn, 6)}${pad(tally.tp, 6)}${pad(tally.fp, 6)}${pad(tally.fn, 6)}  ${pct(precision)}  ${pct(recall)}  ${pct(f1)}`;
}

function table(title: string, score: CorpusScore): string {
  const lines = [title, `${padEnd('entity', 14)}  gold    tp    fp    fn   prec    rec     F1`];
  for (const entity of ALL_ENTITIES) {
    lines.push(row(entity, score.perEntity.get(entity) ?? { tp: 0, fp: 0, fn: 0 }));
  }
  for (const [entity, tally] of score.perEntity) {
    if (!(ALL_ENTITIES as readonly string[]).includes(entity)) lines.push(row(`?${entity}`, tally));
  }
  lines.push(row('CORE', score.core), row('EXTENDED', score.extended), row('ALL', score.all));
  return lines.join('\n');
}

function run(find: Finder): Map<Snippet, Span[]> {
  return new Map(corpus.map((snippet) => [snippet, find(snippet.text)]));
}

function score(predictions: Map<Snippet, Span[]>, mode: MatchMode): CorpusScore {
  return scoreCorpus(
    [...predictions].map(([snippet, predicted]) => ({ gold: snippet.mentions, predicted })),
    mode,
  );
}

function summaryLine(label: string, s: CorpusScore): string {
  const f = (t: Tally) => {
    const { precision, recall, f1 } = prf(t);
    return `P ${pct(precision)} R ${pct(recall)} F1 ${pct(f1)}`;
  };
  return `${padEnd(label, 30)} core ${f(s.core)} | extended ${f(s.extended)} | all ${f(s.all)}`;
}

function context(text: string, start: number, end: number): string {
  const show = (s: string) => s.replace(/\n/g, '⏎');
  return `…${show(text.slice(Math.max(0, start - 30), start))}[${show(text.slice(start, end))}]${show(text.slice(end, end + 30))}…`;
}

const negatives = corpus.filter((s) => s.mentions.length === 0).length;
const goldCount = corpus.reduce((n, s) => n + s.mentions.length, 0);
console.log(
  `Corpus: ${corpus.length} snippets, ${negatives} without a mention (${((100 * negatives) / corpus.length).toFixed(1)}%), ${goldCount} gold mentions`,
);
console.log(`Core: ${CORE_ENTITIES.join(', ')}; extended: ${EXTENDED_ENTITIES.join(', ')}\n`);

let matcher: Finder | undefined;
try {
  const mod = await import('../core/find-mentions.ts');
  matcher = (text) => mod.findMentions(text);
} catch (error) {
  console.log(
    `findMentions could not be loaded: ${error instanceof Error ? error.message : error}\n`,
  );
}

let predictions: Map<Snippet, Span[]> | undefined;
if (matcher) {
  const started = performance.now();
  predictions = run(matcher);
  const ms = performance.now() - started;
  console.log(table('findMentions — exact offsets', score(predictions, 'exact')));
  console.log();
  console.log(
    table('findMentions — lenient (overlapping span, same entity)', score(predictions, 'overlap')),
  );
  console.log(`\n(${ms.toFixed(0)} ms for the corpus, first call compiles the names)\n`);
}

console.log('Comparison (exact offsets / lenient overlap)');
const compared: [string, Map<Snippet, Span[]>][] = [
  ['exact alias regex', run(regexBaseline)],
  ['fuse.js word windows', run(fuseBaseline)],
];
if (predictions) compared.unshift(['findMentions', predictions]);
for (const [label, p] of compared) {
  console.log(summaryLine(`${label} exact`, score(p, 'exact')));
  console.log(summaryLine(`${label} lenient`, score(p, 'overlap')));
}

console.log('\nBy genre (findMentions, exact offsets)');
console.log(`${padEnd('genre', 12)}snippets  no-mention  gold    tp    fp    fn     F1`);
const genres = [...new Set(corpus.map((s) => s.genre))].sort();
for (const genre of genres) {
  const snippets = corpus.filter((s) => s.genre === genre);
  const gold = snippets.reduce((n, s) => n + s.mentions.length, 0);
  const empty = snippets.filter((s) => s.mentions.length === 0).length;
  let tail = '';
  if (predictions) {
    const p = predictions;
    const { all } = scoreCorpus(
      snippets.map((s) => ({ gold: s.mentions, predicted: p.get(s) ?? [] })),
    );
    tail = `${pad(all.tp, 6)}${pad(all.fp, 6)}${pad(all.fn, 6)}  ${pct(prf(all).f1)}`;
  }
  console.log(
    `${padEnd(genre, 12)}${pad(snippets.length, 8)}${pad(empty, 12)}${pad(gold, 6)}${tail}`,
  );
}

if (showErrors && predictions) {
  console.log('\nErrors (exact offsets): FP = predicted, not gold; FN = gold, not predicted');
  for (const [snippet, predicted] of predictions) {
    const result = scoreMentions(snippet.mentions, predicted);
    const errors = [
      ...result.falsePositives.map((m) => ({ kind: 'FP', ...m })),
      ...result.falseNegatives.map((m) => ({ kind: 'FN', ...m })),
    ].sort((a, b) => a.start - b.start);
    for (const e of errors) {
      console.log(
        `${padEnd(snippet.id, 14)} ${e.kind} ${padEnd(e.entity, 12)} ${pad(e.start, 4)}-${padEnd(String(e.end), 4)} ${context(snippet.text, e.start, e.end)}`,
      );
    }
  }
}

if (!matcher) process.exitCode = 1;
