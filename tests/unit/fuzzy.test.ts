import { describe, expect, it } from 'vitest';
import { foldKey } from '../../core/chars';
import { allowedEdits, FuzzyIndex, osaDistance, reachOf, withinReach } from '../../core/fuzzy';
import { dataset } from '../../core/rivalry-data';

/**
 * The dataset's names that allow misspellings and are long enough for fuse.js's edits, as the
 * matcher indexes them (shorter ones are checked one by one, see fuzzy-names.test.ts).
 */
const NAMES = dataset.entities.flatMap((e) =>
  e.aliases
    .filter((a) => a.fuzzy && allowedEdits(foldKey(a.text).length) > 0)
    .map((a) => ({ key: foldKey(a.text), value: e.id })),
);

/** Every word one edit away from `key`: deletions, transpositions, substitutions, insertions. */
function oneEditAway(key: string): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0';
  const out = new Set<string>();
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length) out.add(key.slice(0, i) + key.slice(i + 1));
    if (i < key.length - 1) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
    for (const c of alphabet) {
      if (i < key.length) out.add(key.slice(0, i) + c + key.slice(i + 1));
      out.add(key.slice(0, i) + c + key.slice(i));
    }
  }
  out.delete(key);
  return [...out];
}

describe('fuzzy names', () => {
  it('has names that allow an edit (else this file tests nothing)', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(3);
    for (const { key } of NAMES) expect(allowedEdits(key.length)).toBeGreaterThanOrEqual(1);
  });

  it('measures edits, transpositions counting as one', () => {
    expect(osaDistance('neuralink', 'nueralink')).toBe(1);
    expect(osaDistance('neuralink', 'neurallink')).toBe(1);
    expect(osaDistance('neuralink', 'neuralynx')).toBe(2);
    expect(osaDistance('elonmusk', 'elonmusk')).toBe(0);
    expect(osaDistance('elonmusk', 'xxxxxxxxxx', 1)).toBe(2);
  });

  it('never turns away a word within the edits a name allows', () => {
    let checked = 0;
    for (const { key } of NAMES) {
      for (const word of oneEditAway(key)) {
        expect(withinReach(word, reachOf(key)), `${word} for ${key}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('turns away words with more unknown letters or more length change than edits allow', () => {
    const neuralink = reachOf('neuralink');
    expect(neuralink.edits).toBe(1);
    expect(withinReach('nebulizer', neuralink)).toBe(false);
    expect(withinReach('neuralinkzz', neuralink)).toBe(false);
    expect(withinReach('neura', neuralink)).toBe(false);
    expect(withinReach('nuralinks', neuralink)).toBe(true);
  });

  it('finds misspellings of every name', () => {
    const index = new FuzzyIndex(NAMES);
    for (const { key, value } of NAMES) {
      const words = oneEditAway(key).filter((_, i) => i % 11 === 0);
      for (const word of words) {
        expect(index.lookup(word), `${word} for ${key}`).toMatchObject({ value, distance: 1 });
      }
    }
  });

  it('does not build the fuse.js index for ordinary words of a name’s length', () => {
    const index = new FuzzyIndex(NAMES);
    const prose = ['stations', 'necessary', 'solutions', 'everyone', 'samplings', 'sometimes'];
    for (const word of prose) {
      expect(index.lengths.has(word.length), word).toBe(true);
      expect(index.lookup(word), word).toBeNull();
    }
    expect(index.indexed).toBe(false);
    expect(index.lookup('nueralink')?.value).toBe('neuralink');
    expect(index.indexed).toBe(true);
  });
});
