/**
 * The matcher against the labelled corpus, with the targets of issue 2 as floors (exact offsets).
 * `npx tsx scripts/eval-matcher.ts --errors` shows what a failure is made of.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../core/find-mentions.ts';
import { loadCorpus } from '../corpus/parse-corpus.ts';
import { prf, scoreCorpus } from '../corpus/score.ts';

describe('findMentions on the labelled corpus', () => {
  const score = scoreCorpus(
    loadCorpus().map((snippet) => ({
      gold: snippet.mentions,
      predicted: findMentions(snippet.text),
    })),
  );
  const core = prf(score.core);
  const extended = prf(score.extended);

  it('core precision >= 0.98', () => {
    expect(core.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('core F1 >= 0.97', () => {
    expect(core.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('extended F1 >= 0.93', () => {
    expect(extended.f1).toBeGreaterThanOrEqual(0.93);
  });
});
