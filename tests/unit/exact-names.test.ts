import { describe, expect, it } from 'vitest';
import { exactAt } from '../../core/exact-names.ts';
import { type LinkedAlias, linkNames } from '../../core/linked-names.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import type { WalkHit } from '../../core/trie.ts';
import { TINY } from './tiny-names.ts';

describe('exactAt (the trie walk stage)', () => {
  const linked = linkNames(prepareNames(TINY));
  const hits: WalkHit<LinkedAlias>[] = [];
  const at = (text: string, start = 0) => {
    const c = exactAt(linked, text, start, hits);
    return (
      c && {
        name: c.alias.written,
        text: text.slice(c.start, c.end),
        via: c.via,
        pending: c.pending,
      }
    );
  };

  it('takes the longest name, exact or as a variant', () => {
    expect(at('Stoke Space rose')).toEqual({
      name: 'Stoke Space',
      text: 'Stoke Space',
      via: 'exact',
      pending: false,
    });
    expect(at('Stoke-\nSpace rose')?.text).toBe('Stoke-\nSpace');
    expect(at('ＳｔｏｋｅＳｐａｃｅ rose')).toMatchObject({ name: 'Stoke Space', via: 'variant' });
    expect(at('so Stoke rose', 3)).toEqual({
      name: 'Stoke',
      text: 'Stoke',
      via: 'exact',
      pending: true,
    });
  });

  it('leaves the walk’s hits for the caller, and finds nothing where no name is', () => {
    expect(at('Stake rose')).toBeNull();
    expect(hits).toEqual([]);
    expect(at('Stoke Space')).not.toBeNull();
    expect(hits.map((h) => h.end)).toEqual([5, 11]);
  });

  it('falls back to a shorter name when the shape checks veto the longer one', () => {
    // "stoke Space" is not written like a name; the ambiguous "Stoke" is left, for context.
    expect(at('stoke Space')).toEqual({
      name: 'Stoke',
      text: 'stoke',
      via: 'variant',
      pending: true,
    });
    expect(at('musk')).toBeNull();
    expect(at('MUSK')).toMatchObject({ name: 'Musk', pending: true });
  });

  it('needs context for a lower-case name in words, unless hyphens join them or they are no phrase', () => {
    expect(at('open ai said')).toMatchObject({ text: 'open ai', pending: true });
    expect(at('open-ai said')).toMatchObject({ text: 'open-ai', pending: false });
    expect(at('open - ai said')).toMatchObject({ text: 'open - ai', pending: true });
    expect(at('Open AI said')).toMatchObject({ text: 'Open AI', pending: false });
    const neura = linkNames(
      prepareNames({
        entities: [
          {
            id: 'neuralink',
            kind: 'company',
            highlight: true,
            aliases: [{ text: 'Neuralink' }, { text: 'Neura Link', noPhrase: true }],
          },
          { id: 'openai', kind: 'company', highlight: true, aliases: [{ text: 'Open AI' }] },
        ],
      }),
    );
    const pending = (text: string) => exactAt(neura, text, 0, [])?.pending;
    expect(pending('neura link guy')).toBe(false);
    expect(pending('open ai guy')).toBe(true);
  });

  it('does not join a name written as one word across a line break, only one written in two', () => {
    // Words on lines of their own, as a list of topics draws them.
    expect(at('Open\nAI\nMachine Learning')).toBeNull();
    expect(at('Open\nAI Safety\nOpen Source')).toBeNull();
    expect(at('Space\nX\nRockets')).toBeNull();
    expect(at('Open\r\nAI')).toBeNull();
    expect(at('Open\n   AI')).toBeNull();
    // A line break a `<br>` puts inside a name written in two words, and hyphenation, still join.
    expect(at('Stoke\nSpace rose')?.text).toBe('Stoke\nSpace');
    expect(at('Elon\nMusk said')?.text).toBe('Elon\nMusk');
    expect(at('Open-\nAI said')?.text).toBe('Open-\nAI');
    expect(at('Open AI said')?.text).toBe('Open AI');
  });

  it('takes a name written with dots for the alias written with them', () => {
    expect(at('Open A.I. said')).toMatchObject({
      name: 'Open A.I.',
      text: 'Open A.I.',
      via: 'exact',
    });
    expect(at('we use Open AI. Then', 7)).toMatchObject({ text: 'Open AI' });
  });
});
