import { describe, expect, it } from 'vitest';
import { blockerTrie, linkNames } from '../../core/linked-names.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { TINY } from './tiny-names.ts';

describe('linkNames', () => {
  it('puts every alias in the trie under its folded key, with its entity linked', () => {
    const linked = linkNames(prepareNames(TINY));
    let node = linked.trie;
    for (const c of 'stokespace') node = node.next.get(c.charCodeAt(0)) ?? linked.trie;
    expect(node.terminals?.map((a) => [a.written, a.entity.id])).toEqual([
      ['Stoke Space', 'stoke-space'],
    ]);
    expect(linked.entities).toEqual([
      'stoke-space',
      'elon-musk',
      'x-twitter',
      'neuralink',
      'spacex',
      'openai',
    ]);
    expect(linked.fuzzyFirstWords.get('elon')?.map((a) => a.written)).toEqual(['Elon Musk']);
  });

  it('builds the blockers on first need, once', () => {
    const linked = linkNames(prepareNames(TINY));
    expect(linked.blockers).toBeUndefined();
    const trie = blockerTrie(linked);
    expect(trie.next.has('s'.charCodeAt(0))).toBe(true);
    expect(blockerTrie(linked)).toBe(trie);
  });

  it('checks the typos of names too short for fuse.js one by one, apart from its index', () => {
    const linked = linkNames(prepareNames(TINY));
    expect(linked.shortFuzzy.map((a) => a.written)).toEqual(['SpaceX', 'OpenAI']);
    expect(linked.fuzzy.lengths.has(6)).toBe(false);
    expect([...linked.shortFuzzyLengths].sort()).toEqual([5, 6, 7]);
  });
});
