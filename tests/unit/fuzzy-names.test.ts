import { describe, expect, it } from 'vitest';
import {
  fuzzyAt,
  isInnerDeletion,
  isInnerSwap,
  isShortTypo,
  isTailSlip,
  keysTouch,
  lowerCaseTypos,
} from '../../core/fuzzy-names.ts';
import { linkNames } from '../../core/linked-names.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { TINY } from './tiny-names.ts';

describe('fuzzyAt (the fuzzy stage)', () => {
  const linked = linkNames(prepareNames(TINY));
  const shortName = (written: string) => {
    const alias = linked.shortFuzzy.find((a) => a.written === written);
    if (!alias) throw new Error(`no short name ${written}`);
    return alias;
  };
  const at = (text: string) => {
    const c = fuzzyAt(linked, text, 0);
    return c && `${c.alias.written}:${text.slice(c.start, c.end)}:${c.via}:${c.score}`;
  };

  it('finds a misspelled long name, in one word or in the second of two', () => {
    expect(at('Nueralink said')).toBe('Neuralink:Nueralink:fuzzy:0.75');
    expect(at('Elon Muks said')).toBe('Elon Musk:Elon Muks:fuzzy:0.75');
  });

  it('finds a name of two words whose first has two letters swapped, not its first letter', () => {
    expect(at('Stoek Space said')).toBe('Stoke Space:Stoek Space:fuzzy:0.75');
    expect(at('Elno Musk said')).toBe('Elon Musk:Elno Musk:fuzzy:0.75');
    expect(at('Leon Musk said')).toBeNull();
    expect(at('Store Space said')).toBeNull();
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

  it('finds a swap of two letters, or a slip before the closing capitals, in a short name', () => {
    expect(at('SapceX launched')).toBe('SpaceX:SapceX:fuzzy:0.75');
    expect(at('OpenIA said')).toBe('OpenAI:OpenIA:fuzzy:0.75');
    expect(at('SpaseX launched')).toBe('SpaceX:SpaseX:fuzzy:0.75');
    expect(at('SAPCEX LAUNCHED')).toBe('SpaceX:SAPCEX:fuzzy:0.75');
  });

  it('finds a short name with a letter dropped before its closing capitals, in any case', () => {
    expect(at('Spacx launched')).toBe('SpaceX:Spacx:fuzzy:0.75');
    expect(at('spacx launched')).toBe('SpaceX:spacx:fuzzy:0.75');
    expect(at('Spcex launched')).toBe('SpaceX:Spcex:fuzzy:0.75');
    expect(at('Opnai said')).toBe('OpenAI:Opnai:fuzzy:0.75');
  });

  it('finds a short name with two letters after the first swapped, in any case', () => {
    expect(at('sapcex launch scrubbed')).toBe('SpaceX:sapcex:fuzzy:0.75');
    expect(at('Sapcex launch')).toBe('SpaceX:Sapcex:fuzzy:0.75');
    expect(at('spacxe launch')).toBe('SpaceX:spacxe:fuzzy:0.75');
    expect(at('opneai said')).toBe('OpenAI:opneai:fuzzy:0.75');
    // Not the first letter ("psacex"), nor a swap that adds a letter, nor in capitals alone.
    for (const word of ['psacex', 'poenai', 'sapcexs', 'SAPCEXS'])
      expect(at(`${word} here`), word).toBeNull();
    const spacex = shortName('SpaceX');
    expect(isInnerSwap('sapcex', spacex)).toBe(true);
    expect(isInnerSwap('psacex', spacex)).toBe(false);
    expect(isInnerSwap('spacex', spacex)).toBe(false);
    // Only a camel-case name of six letters or more: one without closing capitals, or shorter,
    // could be an ordinary word with two letters swapped.
    expect(isInnerSwap('rokcet', { key: 'rocket', letters: 'Rocket' })).toBe(false);
    expect(isInnerSwap('rokcetx', { key: 'rocketx', letters: 'RocketX' })).toBe(true);
    expect(isInnerSwap('sapcx', { key: 'spacx', letters: 'SpacX' })).toBe(false);
    // The gate's list of them: each taken by the matcher in lower case, the name itself not.
    expect(lowerCaseTypos(spacex)).toEqual([
      'sacex',
      'sapcex',
      'spcex',
      'spcaex',
      'spaex',
      'spaecx',
      'spacx',
      'spacxe',
    ]);
  });

  it('leaves out a short name that lost its first letter or its closing capitals', () => {
    // "Space" and "Open" are words; "Pacex" and "OpenI" have lost what makes the name.
    for (const word of ['Space', 'space', 'Pacex', 'OpenI', 'Opena', 'Spacex1', 'SPACX', 'Spac'])
      expect(at(`${word} here`), word).toBeNull();
    const spacex = shortName('SpaceX');
    expect(isInnerDeletion('spacx', spacex)).toBe(true);
    expect(isInnerDeletion('space', spacex)).toBe(false);
    expect(isInnerDeletion('pacex', spacex)).toBe(false);
    expect(isInnerDeletion('spacex', spacex)).toBe(false);
  });

  it('leaves out ordinary words and other names one edit from a short name', () => {
    for (const word of ['spaces', 'Spaces', 'Spacer', 'SPACES', 'OpenAM', 'OpenUI', 'Spasex'])
      expect(at(`${word} here`), word).toBeNull();
    const spacex = shortName('SpaceX');
    expect(isShortTypo('SpaceX', spacex)).toBe(false);
    expect(isShortTypo('SpacXe', spacex)).toBe(true);
    expect(isShortTypo('SpaceXX', spacex)).toBe(false);
  });

  it('leaves out another capital, a word, or a slip of the closing capital with no context', () => {
    // TINY names SpaceX with no context words: the bundled dataset's "launch" is tested below.
    expect(at('SpaceC launch stream')).toBeNull();
    const spacex = shortName('SpaceX');
    expect(isTailSlip('SpaceY', spacex)).toBe(false);
    expect(isTailSlip('Spaces', spacex)).toBe(false);
    expect(isTailSlip('SPACEC', spacex)).toBe(false);
    expect(isTailSlip('SpaceCX', spacex)).toBe(false);
    expect(isTailSlip('SpiceC', spacex)).toBe(false);
    expect(isTailSlip('SpaceX', spacex)).toBe(false);
    const openai = shortName('OpenAI');
    expect(isTailSlip('OpenAO', openai)).toBe(false);
  });

  it('finds a closing capital mistyped as a neighbouring key, with a context word near', () => {
    expect(keysTouch('x', 'c')).toBe(true);
    expect(keysTouch('x', 'd')).toBe(true);
    expect(keysTouch('x', 'y')).toBe(false);
    expect(keysTouch('q', 'a')).toBe(true);
    const spacex = shortName('SpaceX');
    expect(isTailSlip('SpaceC', spacex)).toBe(true);
    expect(isTailSlip('SpaceZ', spacex)).toBe(true);
    const withContext = linkNames(
      prepareNames({
        entities: [
          {
            id: 'spacex',
            kind: 'company',
            highlight: true,
            aliases: [{ text: 'SpaceX', fuzzy: true }],
            context: ['launch'],
          },
        ],
      }),
    );
    const c = fuzzyAt(withContext, 'SpaceC launch stream', 0);
    expect(c && 'SpaceC launch stream'.slice(c.start, c.end)).toBe('SpaceC');
    expect(fuzzyAt(withContext, 'SpaceC coworking stream', 0)).toBeNull();
  });
});
