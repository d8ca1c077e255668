/**
 * The gate (core/gate.ts) against the matcher: wherever the matcher finds a mention in a text
 * read apart, the gate opens on that text read whole, glued to its neighbours as `textContent`
 * glues blocks; and on ordinary prose that only starts like the names, it stays shut.
 */
import { describe, expect, it } from 'vitest';
import { COMMON_WORDS } from '../../core/common-words.ts';
import { findMentions } from '../../core/find-mentions.ts';
import { gateNames, gateOpens, linkGate, seedPassingOver } from '../../core/gate.ts';
import { matchData } from '../../core/match-data.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { dataset } from '../../core/rivalry-data.ts';
import { articlePage } from '../../scripts/bench/pages.ts';
import { caseForms } from '../../core/word-shape.ts';
import { loadCorpus } from '../corpus/parse-corpus.ts';

const prepared = prepareNames(matchData(dataset));
const names = gateNames(prepared);
const gate = linkGate(names);
const opens = (text: string) => gateOpens(gate, text);
/** The same gate with a seed that passes over no word. */
const fullSeed = () => linkGate({ ...names, fuzzySeed: prepared.fuzzySeed });
const seedHits = (seed: RegExp, text: string) => [...text.matchAll(seed)].length;

/** A snippet as blocks: its sentences and lines, each of which the reader may read apart. */
const blocksOf = (text: string) => text.split(/(?<=[.!?:;])\s+|\n+/).filter(Boolean);

describe('the gate', () => {
  const snippets = loadCorpus();

  it('opens on every labelled snippet where the matcher finds a mention, its blocks glued', () => {
    const missed: string[] = [];
    let named = 0;
    for (const s of snippets) {
      const blocks = blocksOf(s.text);
      if (findMentions(s.text).length === 0 && blocks.every((b) => findMentions(b).length === 0))
        continue;
      named++;
      // As written, with its blocks glued with nothing between them, and glued to words
      // before and after (the blocks around it on a page).
      for (const text of [s.text, blocks.join(''), `Home${blocks.join('')}Next`, `2026${s.text}`])
        if (!opens(text)) missed.push(`${s.id}: ${JSON.stringify(text.slice(0, 80))}`);
    }
    expect(named).toBeGreaterThan(600);
    expect(missed).toEqual([]);
  });

  it('opens on each block with a mention glued between two others', () => {
    const missed: string[] = [];
    for (const s of snippets) {
      for (const b of blocksOf(s.text)) {
        if (findMentions(b).length === 0) continue;
        if (!opens(`The endAI${b}Then`)) missed.push(`${s.id}: ${JSON.stringify(b.slice(0, 80))}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('opens on names glued to other blocks, split by markup or written unusually', () => {
    for (const text of [
      // <li>AI</li><li>SpaceX</li>, …orbit.</p><p>SpaceX, a link glued to a label.
      'AISpaceX',
      'to orbit.SpaceX said',
      'HomeOpenAI',
      'NewsNeuralink',
      // A mention at a block's end, glued to the next block's first word.
      'He posted on XThe next day',
      'Elon MuskThe',
      'openaiResearch',
      // White space a reader collapses, invisible characters, full-width and line-end forms.
      'Elon\n\n\n      Musk',
      'Sp\u00ADaceX',
      'HomeSp\u200BaceX',
      'ＳｐａｃｅＸ',
      'Neura-\nlink',
      'NEURALINK',
      // Misspellings, glued too.
      'The Nueralink implant',
      'HomeNueralink',
      'Stoek Space',
      'SapceX',
      // A genitive (German): "Musks Zeitpläne".
      'Musks Zeitpläne',
      // A misspelling in full-width letters.
      'ＯｐｐｅｎＡＩは、対話型AI',
    ])
      expect(opens(text), text).toBe(true);
  });

  it('opens where the matcher finds a name beside another script or in half-width kana', () => {
    for (const text of [
      // A Japanese name, then a Latin word in lower case: a word of its own.
      'イーロン・マスクvsザッカーバーグ',
      'ツイッターvsフェイスブック',
      'ストーク・スペースvsブルーオリジン',
      // A misspelling in lower case right after Japanese: the start of a word.
      '米国のnueralink社が',
      'のopnai',
      // Half-width katakana, as some input methods leave them.
      'ツイッタｰ',
      'ニューﾗﾘﾝｸが',
      'イーロン・マｽク氏',
      // A full-width letter inside an ASCII misspelling.
      'Sｏtke Space',
      'SｐacXe',
    ]) {
      expect(findMentions(text).length, text).toBeGreaterThan(0);
      expect(opens(text), text).toBe(true);
    }
  });

  it('opens on every name split wherever the matcher lets it be split', () => {
    // Between any two letters: what the matcher passes over, and a line-end hyphen; where the
    // name may break ("Open AI"), the separators it allows there too.
    const anywhere = ['\u00AD', '\u200B', '\u2060', '\uFEFF', '-\n', '\u2010 \n', '\n-'];
    const atBreaks = [' ', '-', '\n      ', '. ', ', ', '\u00A0', '・'];
    const missed: string[] = [];
    let tried = 0;
    for (const entity of dataset.entities) {
      for (const { text: written } of entity.aliases) {
        for (let i = 1; i < written.length; i++) {
          const [a, b] = [written.slice(0, i), written.slice(i)];
          const seps =
            /[\p{L}\p{N}]/u.test(a.at(-1) ?? '') && /[\p{L}\p{N}]/u.test(b[0] ?? '')
              ? [...anywhere, ...atBreaks]
              : [];
          for (const sep of seps) {
            for (const text of [`${a}${sep}${b}`, `Home ${a}${sep}${b} said on the platform`]) {
              if (findMentions(text).length === 0) continue;
              tried++;
              if (!opens(text)) missed.push(JSON.stringify(text));
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });

  it('stays shut on prose that only starts like the names', () => {
    for (const text of [
      'Open questions about the storage space',
      'The council opened a sample survey of the stock of parking spaces.',
      'The elongated muscle of the budget',
      'StorageSpacesOpening hours',
      'An Xbox, an OpenAPI spec and an open-air concert',
      'The revenue of the avenue continues to grow',
      'Barcelona and Stockholm, with altitude',
      // Two words within Neuralink's edits, where only a name of two words is measured across.
      'Tractography shows a neural link between the two regions',
    ])
      expect(opens(text), text).toBe(false);
  });

  it('stays shut on a lone capital X or マスク, which the matcher takes only with a word near', () => {
    for (const text of [
      'NEXT',
      'EXIT',
      'Size: XL',
      'TEXAS',
      'UX design',
      'The X-ray machine',
      'Windows XP',
      'Page 1 of X',
      'iPhone X',
      'マスクを着用してください',
    ]) {
      expect(findMentions(text), text).toEqual([]);
      expect(opens(text), text).toBe(false);
    }
    for (const text of [
      'He posted on X today',
      'X users said so',
      'the social network X',
      // A word of a context phrase, a soft hyphen inside a word, full-width letters.
      'the X community notes feature',
      'X blue check',
      'He pos\u00adted it to X',
      'X ｐｏｓｔｅｄ it',
      // Phrases that settle the name with no context word: a word before it, or after it far
      // along a run of separators.
      'the X owner',
      'Join us in X Spaces tonight',
      `X ${'\u00ad'.repeat(60)}Spaces tonight`,
    ]) {
      expect(
        findMentions(text).map((m) => m.entity),
        text,
      ).toEqual(['x-twitter']);
      expect(opens(text), text).toBe(true);
    }
  });

  it('opens on a lone X again if a phrase that settles it were the name alone', () => {
    const bare = {
      ...prepared,
      entities: prepared.entities.map((e) =>
        e.id === 'x-twitter' ? { ...e, cues: [...(e.cues ?? []), 'x'] } : e,
      ),
    };
    expect(gateOpens(linkGate(gateNames(bare)), 'Page 1 of X')).toBe(true);
    expect(opens('Page 1 of X')).toBe(false);
  });

  it('opens wherever the matcher finds X, its word however far, white space collapsed', () => {
    const x = (text: string) => findMentions(text).some((m) => m.entity === 'x-twitter');
    const missed: string[] = [];
    let found = 0;
    for (let n = 0; n < 40; n++) {
      const filler = 'and so '.repeat(n);
      for (const text of [
        `X ${filler}posted`,
        `He posted ${filler}on X.`,
        `the network ${filler}X`,
        `X, ${filler}a social`,
      ]) {
        if (!x(text)) continue;
        found++;
        // The reader collapses white space that the page's text keeps (indentation).
        const raw = text.replaceAll(' ', ' \n        ');
        for (const t of [text, raw, `Home${raw}Next`])
          if (!opens(t)) missed.push(JSON.stringify(t.slice(0, 60)));
      }
    }
    // Up to the matcher's reach on each side: about sixteen fillers.
    expect(found).toBeGreaterThan(60);
    expect(missed).toEqual([]);
  });

  it('looks for the word near X before the piece it is asked about, in the whole text', () => {
    const text = `${'Lorem '.repeat(60)}He posted on X today`;
    const at = text.indexOf(' X ') + 1;
    expect(gateOpens(gate, text, at, text.length)).toBe(true);
    expect(gateOpens(gate, text, 0, at)).toBe(false);
  });

  it('opens on X beside more white space than it walks, rather than guess', () => {
    expect(opens(`X${' '.repeat(5000)}end`)).toBe(true);
    expect(opens(`X${' '.repeat(500)}end`)).toBe(false);
  });

  it('stays shut on the benchmark’s article with no mention, which the matcher agrees on', () => {
    const { text } = articlePage();
    expect(findMentions(text)).toEqual([]);
    expect(opens(text)).toBe(false);
  });

  it('passes over common words at a word start, which the full seed stops at', () => {
    const text = 'Open space: the operations opened a Spanish spaceport and a neutral nurse';
    expect(seedHits(fullSeed().fuzzySeed, text)).toBe(8);
    expect(seedHits(gate.fuzzySeed, text)).toBe(0);
    const stopped = COMMON_WORDS.filter((w) => seedHits(gate.fuzzySeed, ` ${w} `) > 0);
    expect(stopped).toEqual([]);
  });

  it('passes over only the words it judges no as a first word', () => {
    // A misspelling, the first word of a name of two words, and a word that may start one.
    const base = { ...names, fuzzySeed: prepared.fuzzySeed };
    expect(seedPassingOver(base, ['nueralink', 'elon', 'small', 'sama'])).toBe(prepared.fuzzySeed);
    const some = new RegExp(seedPassingOver(base, ['space', 'elon']), 'g');
    expect(seedHits(some, 'space Space SPACE elon')).toBe(1);
    // Case by case: a typo of "SpaceX" by another letter keeps its capital X, as the matcher
    // asks ("SpaseX"; not "SPASEX").
    const typo = new RegExp(seedPassingOver(base, ['spasex']), 'g');
    expect(seedHits(typo, 'spasex Spasex SPASEX SpaseX')).toBe(1);
  });

  it('opens where the full seed does, whatever follows a common word', () => {
    const full = fullSeed();
    // Before: a word start, a glued capital's, another script. After: what ends a plain word,
    // or goes on into a name or a misspelling ("neural" + "link").
    const befores = ['', ' ', 'AI', 'の'];
    const afters = [
      '',
      ' ',
      '.',
      ' AI',
      'X',
      'x',
      'IA',
      'link',
      '2',
      '\u00AD',
      'ｘ',
      'é',
      '-\nlink',
    ];
    const differ: string[] = [];
    for (const word of COMMON_WORDS)
      for (const form of caseForms(word))
        for (const before of befores)
          for (const after of afters) {
            const text = `${before}${form}${after} more`;
            if (gateOpens(full, text) !== gateOpens(linkGate(names), text)) differ.push(text);
          }
    expect(differ).toEqual([]);
  });

  it('asks a long text a piece at a time, finding a name that starts in a piece', () => {
    const text = `${'a quiet line of prose. '.repeat(400)}OpenAI said so.`;
    const at = text.indexOf('OpenAI');
    expect(gateOpens(gate, text, 0, at)).toBe(false);
    // A name that starts at the end of a piece and runs past it.
    expect(gateOpens(gate, text, at - 10, at + 2)).toBe(true);
    expect(gateOpens(gate, text, at + 6)).toBe(false);
  });

  it('finds a misspelling whose soft hyphen falls just past the end of a piece', () => {
    // "Na­euralink" with "Na" at the end of the piece: only the hyphen is unusual enough to
    // seed a misspelling, and the next piece cannot look back before its start.
    const before = `${'lorem ipsum '.repeat(6000).slice(0, 65533)} `;
    const text = `${before}Na\u00ADeuralink chips`;
    const cut = before.length + 2;
    expect(findMentions(text).length).toBe(1);
    expect(gateOpens(gate, text, 0, cut)).toBe(true);
    // A hit past the end opens only for a name that starts before it.
    expect(gateOpens(gate, text, 0, before.length)).toBe(false);
  });
});
