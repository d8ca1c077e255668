/**
 * The matcher against the labelled corpus (exact offsets). The floors sit a hair under what the
 * matcher scores, so that a stage that stops working shows here rather than only in
 * `npm run eval:matcher`; `npx tsx scripts/eval-matcher.ts --errors` shows what a failure is
 * made of.
 *
 * The second and third annotators' snippets for issue #16 (`second-annotator-2.txt` and
 * `third-annotator.txt`, each written by someone who saw neither the matcher nor its data) are
 * scored apart, with floors under what the matcher scores there, not at the tuned corpus's. The
 * matcher has since learnt rules for the kinds of error each showed on first contact (second:
 * core F1 0.865, extended 0.824; third: core 0.955, extended 0.947), so they are no longer
 * text it has never met; the third's floors are the held-out targets of the issue.
 *
 * The fourth annotator's 150 (`fourth-annotator.txt`) are scored apart too. On first contact,
 * with the corpus's conventions on page furniture and "SpaceX-style" applied to its labels
 * (the annotator was not told them): core P/R/F1 0.989/0.978/0.983, extended 0.912/0.822/0.865.
 * Its false highlights then gave three rules (a stock symbol, "XAI" beside "xAI", "Stoke. Space");
 * what it still misses is mostly lower-case and misspelt names in casual posts.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../core/find-mentions.ts';
import { loadCorpus } from '../corpus/parse-corpus.ts';
import { prf, scoreCorpus } from '../corpus/score.ts';

const HELD_APART = 'second-annotator-2.txt';
const THIRD = 'third-annotator.txt';
const FOURTH = 'fourth-annotator.txt';
const apart = (file: string) => file === HELD_APART || file === THIRD || file === FOURTH;

function scoreOf(which: (file: string) => boolean) {
  const snippets = loadCorpus().filter((s) => which(s.file));
  const score = scoreCorpus(
    snippets.map((snippet) => ({ gold: snippet.mentions, predicted: findMentions(snippet.text) })),
  );
  return { count: snippets.length, core: prf(score.core), extended: prf(score.extended) };
}

describe('findMentions on the labelled corpus', () => {
  const { core, extended } = scoreOf((file) => !apart(file));

  it('core precision >= 0.995', () => {
    expect(core.precision).toBeGreaterThanOrEqual(0.995);
  });

  it('core recall >= 0.995', () => {
    expect(core.recall).toBeGreaterThanOrEqual(0.995);
  });

  it('core F1 >= 0.995', () => {
    expect(core.f1).toBeGreaterThanOrEqual(0.995);
  });

  it('extended precision >= 0.995', () => {
    expect(extended.precision).toBeGreaterThanOrEqual(0.995);
  });

  it('extended F1 >= 0.99', () => {
    expect(extended.f1).toBeGreaterThanOrEqual(0.99);
  });
});

describe(`findMentions on the second annotator's snippets (${HELD_APART})`, () => {
  const { count, core, extended } = scoreOf((file) => file === HELD_APART);

  it('has the 150 snippets or more the issue asks for', () => {
    expect(count).toBeGreaterThanOrEqual(150);
  });

  it('core precision >= 0.99', () => {
    expect(core.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('core F1 >= 0.96', () => {
    expect(core.f1).toBeGreaterThanOrEqual(0.96);
  });

  it('extended F1 >= 0.96', () => {
    expect(extended.f1).toBeGreaterThanOrEqual(0.96);
  });
});

describe(`findMentions on the third annotator's snippets (${THIRD})`, () => {
  const { count, core, extended } = scoreOf((file) => file === THIRD);

  it('has 150 snippets or more', () => {
    expect(count).toBeGreaterThanOrEqual(150);
  });

  it('core precision >= 0.99', () => {
    expect(core.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('core F1 >= 0.98', () => {
    expect(core.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('extended F1 >= 0.96', () => {
    expect(extended.f1).toBeGreaterThanOrEqual(0.96);
  });
});

describe(`findMentions on the fourth annotator's snippets (${FOURTH})`, () => {
  const { count, core, extended } = scoreOf((file) => file === FOURTH);

  it('has 150 snippets', () => {
    expect(count).toBeGreaterThanOrEqual(150);
  });

  it('core precision is 1', () => {
    expect(core.precision).toBe(1);
  });

  it('core F1 >= 0.98', () => {
    expect(core.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('extended precision >= 0.96', () => {
    expect(extended.precision).toBeGreaterThanOrEqual(0.96);
  });

  it('extended F1 >= 0.88', () => {
    expect(extended.f1).toBeGreaterThanOrEqual(0.88);
  });
});
