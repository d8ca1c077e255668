import { describe, expect, it } from 'vitest';
import { type LinkedAlias, linkNames } from '../../core/linked-names.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { hitAllowed, otherGivenName, shapedCandidate } from '../../core/shape-checks.ts';
import { type WalkHit, walk } from '../../core/trie.ts';
import { lettersOf } from '../../core/word-shape.ts';
import { TINY } from './tiny-names.ts';

const linked = linkNames(prepareNames(TINY));

/** The longest hit of the walk at `start`, and what the shape checks make of it. */
function shaped(text: string, start = 0) {
  const hits: WalkHit<LinkedAlias>[] = [];
  walk(text, start, linked.trie, hits);
  const hit = hits.at(-1) as WalkHit<LinkedAlias>;
  const surface = text.slice(start, hit.end);
  const plainSplit = hit.split && !hit.hyphenated;
  const alias = hit.terminals[0] as LinkedAlias;
  return {
    allowed: hitAllowed(text, hit, surface, plainSplit),
    cand: shapedCandidate(text, start, hit, alias, surface, lettersOf(surface), plainSplit),
  };
}

describe('shape checks', () => {
  it('let a genitive s stand after a person, not after a company', () => {
    expect(shaped('Musks Pläne').allowed).toBe(true);
    expect(shaped('Neuralinks Pläne').allowed).toBe(false);
  });

  it('veto a split name whose last letter starts a hyphenated word', () => {
    expect(shaped('Stoke Space-Gründer').allowed).toBe(true);
    expect(shaped('Space X-ray').allowed).toBe(false);
    expect(shaped('Space X rose').allowed).toBe(true);
  });

  it('hold case-sensitive names to their case, except all in capitals', () => {
    expect(shaped('MUSK said').cand).toMatchObject({ via: 'variant', pending: true });
    expect(shaped('mUsk said').cand).toBeNull();
  });

  it('let a case-sensitive name that allows it wait for context in lower case', () => {
    expect(shaped('Twitter rose').cand).toMatchObject({ via: 'exact', pending: false });
    expect(shaped('twitter rose').cand).toMatchObject({ pending: true });
    expect(shaped('tWitter rose').cand).toBeNull();
    expect(shaped('musk rose').cand).toBeNull();
  });

  it('want a split company name written like a name, or in lower case to wait for context', () => {
    expect(shaped('Stoke Space').cand).toMatchObject({ via: 'exact', pending: false, score: 1 });
    expect(shaped('stoke space').cand).toMatchObject({ pending: true });
    expect(shaped('stoke Space').cand).toBeNull();
  });

  it('take three words or more in lower case for a phrase, not a name', () => {
    expect(shaped('Open A.I.').cand).toMatchObject({ pending: false });
    expect(shaped('open a.i').cand).toBeNull();
  });

  it('tell a given name before a surname from a title or a sentence start', () => {
    const at = (text: string) => otherGivenName(text, text.indexOf('Musk'));
    expect(at('she met Kimbal Musk')).toBe(true);
    expect(at('she met CEO Musk')).toBe(false);
    expect(at('Yesterday Musk said')).toBe(false);
    expect(at('It rained. Yesterday Musk said')).toBe(false);
    expect(shaped('met Kimbal Musk', 11).cand).toBeNull();
  });

  it('take a capitalised opener, a line start or a headline for no given name', () => {
    const at = (text: string) => otherGivenName(text, text.indexOf('Musk'));
    expect(at('and so, Although Musk denied it')).toBe(false);
    expect(at('the board met; Under Musk, it grew')).toBe(false);
    expect(at('shares fell\nAnalysts Musk')).toBe(false);
    expect(at('Twitter Sues Musk After He Walks Away From Deal')).toBe(false);
    expect(at('a report that Twitter Sues Musk after he walked away')).toBe(true);
    expect(at('she met Kimbal Musk and his brother in the lobby')).toBe(true);
    expect(at('die Aktie fiel; Herr Musk schwieg')).toBe(false);
  });

  it('take the roles of other languages for titles ("Tesla-Chef Musk", "le fondateur Musk")', () => {
    const at = (text: string) => otherGivenName(text, text.indexOf('Musk'));
    expect(at('laut Tesla-Chef Musk steigt')).toBe(false);
    expect(at('selon le Fondateur Musk, la')).toBe(false);
    expect(at('dijo el Magnate Musk ayer')).toBe(false);
    expect(at('laut Kimbal Musk steigt')).toBe(true);
  });
});
