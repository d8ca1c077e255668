import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../core/candidate.ts';
import { type LinkedAlias, linkNames } from '../../core/linked-names.ts';
import { hasCue, isNotMention, namedInQuotes } from '../../core/not-mentions.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { TINY } from './tiny-names.ts';

describe('isNotMention (the notMentions veto)', () => {
  const linked = linkNames(prepareNames(TINY));
  const alias = (written: string) => findAlias(written) as LinkedAlias;
  function findAlias(written: string): LinkedAlias | undefined {
    const stack = [linked.trie];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node) break;
      const found = node.terminals?.find((a) => a.written === written);
      if (found) return found;
      stack.push(...node.next.values());
    }
    return undefined;
  }
  const cand = (text: string, written: string, surface = written): Candidate => {
    const start = text.indexOf(surface);
    return {
      alias: alias(written),
      start,
      end: start + surface.length,
      score: 1,
      via: 'exact',
      pending: true,
    };
  };

  it('drops a name that a phrase never naming its entity covers', () => {
    expect(isNotMention(linked, 'Stoke City won', cand('Stoke City won', 'Stoke'))).toBe(true);
    expect(isNotMention(linked, 'he drove a Model X', cand('he drove a Model X', 'X'))).toBe(true);
    expect(isNotMention(linked, 'the musk ox', cand('the musk ox', 'Musk', 'musk'))).toBe(true);
  });

  it('keeps the name elsewhere, and a phrase only blocks its own entity', () => {
    expect(isNotMention(linked, 'Stoke Space won', cand('Stoke Space won', 'Stoke'))).toBe(false);
    expect(
      isNotMention(linked, 'Stoke rose. City won', cand('Stoke rose. City won', 'Stoke')),
    ).toBe(false);
    expect(isNotMention(linked, 'Model X posted', cand('Model X posted', 'Musk', 'Model'))).toBe(
      false,
    );
  });

  it('finds the phrases that settle a name is its entity, apart from those that never do', () => {
    const banned = 'he was banned from X last year';
    expect(hasCue(linked, banned, cand(banned, 'X'))).toBe(true);
    expect(isNotMention(linked, banned, cand(banned, 'X'))).toBe(false);
    expect(hasCue(linked, 'X was banned', cand('X was banned', 'X'))).toBe(false);
    expect(hasCue(linked, 'he drove a Model X', cand('he drove a Model X', 'X'))).toBe(false);
  });

  it('keeps a quoted letter that is the platform’s new name, or not a name given at all', () => {
    const quoted = (text: string) => namedInQuotes(text, cand(text, 'X'));
    expect(quoted('Twitter, now called "X", lost advertisers')).toBe(false);
    expect(quoted('The platform he renamed “X” lost advertisers')).toBe(false);
    expect(quoted('Musk posted on "X" that it flew')).toBe(false);
    expect(quoted('it was called X by everyone')).toBe(false);
    expect(quoted('Stoke called "Stoke X" a rocket')).toBe(false);
  });

  it('drops a letter given as a name in quotes after called, named or nicknamed', () => {
    const quoted = (text: string) => namedInQuotes(text, cand(text, 'X'));
    expect(quoted('Musk’s son, usually called "X", joined him on stage')).toBe(true);
    expect(quoted('his toddler, nicknamed ‘X’, sat on his shoulders')).toBe(true);
    expect(quoted('a boy named “X”')).toBe(true);
  });
});
