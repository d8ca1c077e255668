import { describe, expect, it } from 'vitest';
import { linkMatcher } from '../../core/matcher.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { TINY } from './tiny-names.ts';

describe('prepareNames', () => {
  const names = prepareNames(TINY);

  it('keeps the highlighted entities only, each alias pointing at its entity', () => {
    expect(names.entities.map((e) => e.id)).toEqual([
      'stoke-space',
      'elon-musk',
      'x-twitter',
      'neuralink',
      'spacex',
      'openai',
    ]);
    expect(names.aliases.map((a) => [a.written, names.entities[a.entity]?.id])).toEqual([
      ['Stoke Space', 'stoke-space'],
      ['Stoke', 'stoke-space'],
      ['Elon Musk', 'elon-musk'],
      ['Musk', 'elon-musk'],
      ['Elon', 'elon-musk'],
      ['X', 'x-twitter'],
      ['X.com', 'x-twitter'],
      ['Twitter', 'x-twitter'],
      ['Neuralink', 'neuralink'],
      ['SpaceX', 'spacex'],
      ['OpenAI', 'openai'],
      ['Open AI', 'openai'],
      ['Open A.I.', 'openai'],
    ]);
  });

  it('works out the flags and leaves false ones out', () => {
    const musk = names.aliases.find((a) => a.written === 'Musk');
    expect(musk).toMatchObject({ ambiguous: true, caseSensitive: true, capitalised: true });
    expect(musk?.needsNear).toBeUndefined();
    expect(names.aliases.find((a) => a.written === 'X')?.needsNear).toBe(true);
    expect(names.entities[1]?.person).toBe(true);
    expect(names.entities[0]?.person).toBeUndefined();
  });

  it('folds context words and pairs, packs keys and blockers with their breaks', () => {
    expect(names.entities[0]).toMatchObject({
      context: ['rocket'],
      contextPairs: ['launch pad'],
      antiContext: ['fire'],
      blockers: ['stoke|3city'],
    });
    expect(names.aliases[0]?.packed).toBe('stoke|3space');
    expect(names.entities[2]?.cues).toEqual(['banned|3from|3x']);
    expect(names.aliases.find((a) => a.written === 'X.com')?.antiContext).toEqual(['bank']);
    expect(names.aliases.find((a) => a.written === 'Twitter')?.lowerWithContext).toBe(true);
    expect(names.fuzzyFirstWords).toEqual([
      ['stoke', [0]],
      ['elon', [2]],
    ]);
  });

  it('makes a seed that passes over words no name goes on with', () => {
    const seed = new RegExp(names.seed, 'i');
    expect(
      ['Stoke', 'Elon', 'Musk', 'Neuralink', 'ＳｔｏｋｅＳｐａｃｅ'].map((w) => seed.test(w)),
    ).toEqual([true, true, true, true, true]);
    expect(['stock', 'must', 'elm'].map((w) => seed.test(w))).toEqual([false, false, false]);
    expect(['Stoek', 'Elno', 'Sapce'].map((w) => seed.test(w))).toEqual([true, true, true]);
  });

  it('survives JSON, as the build ships it', () => {
    const text = 'Stoke Space and Elon Musk; Nueralink; Musk posted on X.';
    const shipped = linkMatcher(JSON.parse(JSON.stringify(names)));
    expect(shipped.findMentions(text)).toEqual(linkMatcher(names).findMentions(text));
    expect(shipped.findMentions(text).length).toBeGreaterThan(3);
  });
});
