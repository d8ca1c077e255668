import { describe, expect, it } from 'vitest';
import { fuzzyAt } from '../../core/fuzzy-names.ts';
import { linkNames } from '../../core/linked-names.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { TINY } from './tiny-names.ts';

describe('fuzzyAt (the fuzzy stage)', () => {
  const linked = linkNames(prepareNames(TINY));
  const at = (text: string) => {
    const c = fuzzyAt(linked, text, 0);
    return c && `${c.alias.written}:${text.slice(c.start, c.end)}:${c.via}:${c.score}`;
  };

  it('finds a misspelled long name, in one word or in the second of two', () => {
    expect(at('Nueralink said')).toBe('Neuralink:Nueralink:fuzzy:0.75');
    expect(at('Elon Muks said')).toBe('Elon Musk:Elon Muks:fuzzy:0.75');
  });

  it('leaves out the name written right, words too far off, and words not written as a name', () => {
    expect(at('Neuralink said')).toBeNull();
    expect(at('Neuralynx said')).toBeNull();
    expect(at('Elon muks said')).toBeNull();
    expect(at('Stations said')).toBeNull();
  });

  it('turns words of no fitting length away before fuse.js builds its index', () => {
    const fresh = linkNames(prepareNames(TINY));
    expect(fuzzyAt(fresh, 'Ne said', 0)).toBeNull();
    expect(fresh.fuzzy.indexed).toBe(false);
  });
});
