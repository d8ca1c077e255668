/**
 * The matcher against the labelled corpus (exact offsets). The floors sit a hair under what the
 * matcher scores, so that a stage that stops working shows here rather than only in
 * `npm run eval:matcher`; `npx tsx scripts/eval-matcher.ts --errors` shows what a failure is
 * made of.
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
