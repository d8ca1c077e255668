import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../core/candidate.ts';
import {
  contextNear,
  contextScore,
  decideByContext,
  lowerSubject,
  otherMeaningNear,
} from '../../core/context.ts';
import { exactAt } from '../../core/exact-names.ts';
import { type LinkedAlias, linkNames } from '../../core/linked-names.ts';
import { mentionsIn } from '../../core/matcher.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import type { WalkHit } from '../../core/trie.ts';
import { findMentions } from '../../core/find-mentions.ts';
import { TINY } from './tiny-names.ts';

const linked = linkNames(prepareNames(TINY));

/** The walk's candidate for the first `name` in `text`. */
function cand(text: string, name: string): Candidate {
  const hits: WalkHit<LinkedAlias>[] = [];
  const c = exactAt(linked, text, text.indexOf(name), hits);
  if (!c) throw new Error(`no candidate for ${name} in ${text}`);
  return c;
}

describe('the context model', () => {
  it('sees context words and pairs near a name, and veto words that outweigh them', () => {
    const near = (text: string) => {
      const c = cand(text, 'Stoke');
      return contextNear(text, c, c.alias.entity);
    };
    expect(near('Stoke flew its rocket')).toBe('near');
    expect(near('Stoke opened a launch pad')).toBe('near');
    expect(near('Stoke opened a pad')).toBe('none');
    expect(near('Stoke the rocket fire')).toBe('anti');
    expect(near(`Stoke ${'word '.repeat(30)}rocket`)).toBe('none');
  });

  it('reads a word the reach cuts into whole, neither missing it nor reading its tail', () => {
    const near = (text: string) => {
      const c = cand(text, 'X');
      return contextNear(text, c, c.alias.entity);
    };
    // The reach starts 120 characters before the name, three letters into the word.
    expect(near(`facebook${' '.repeat(115)}X`)).toBe('near');
    // Read from the reach's first letter, "reposted" would be the context word "posted".
    expect(near(`reposted${' '.repeat(118)}X`)).toBe('none');
    expect(near(`facebook${' '.repeat(130)}X`)).toBe('none');
  });

  it('scores an ambiguous name on what the document names and what stands near it', () => {
    const none = new Set<string>();
    const score = (text: string, seen: Set<string>) =>
      contextScore(text, cand(text, 'Stoke'), seen, seen);
    expect(score('Stoke rose', none)).toBe(0.55);
    expect(score('Stoke flew a rocket', none)).toBe(0.75);
    expect(score('Stoke rose', new Set(['elon-musk']))).toBe(0.8);
    expect(score('Stoke flew a rocket', new Set(['stoke-space']))).toBe(0.9);
    expect(score('Stoke set a fire', none)).toBe(0);
    // The sure name outweighs a veto word of another sentence, not one of the name's own.
    expect(score('Stoke rose. It set a fire', new Set(['stoke-space']))).toBe(0.8);
    expect(score('Stoke set a fire', new Set(['stoke-space']))).toBe(0);
    // Outweighed by the sure name, a veto word does not hide the context word beside it.
    expect(score('Stoke set a fire by the rocket', new Set(['stoke-space']))).toBe(0.9);
    const x = cand('X rose', 'X');
    expect(contextScore('X rose', x, new Set(['x-twitter']), new Set(['x-twitter']))).toBe(0);
  });

  it('accepts what reaches the bar and adds the sure names to `seen`', () => {
    const text = 'Elon Musk: Stoke rose, and Musk posted.';
    const candidates = [cand(text, 'Elon Musk'), cand(text, 'Stoke'), cand(text, 'Musk posted')];
    const seen = new Set<string>();
    decideByContext(text, candidates, seen);
    expect([...seen]).toEqual(['elon-musk']);
    expect(candidates.map((c) => [c.via, c.pending])).toEqual([
      ['exact', false],
      ['context', false],
      ['context', false],
    ]);
  });

  it('takes a lower-case name opening a clause as the subject of "is" for context', () => {
    const subject = (text: string) => lowerSubject(text, cand(text, 'twitter'));
    expect(subject('lol twitter is down again')).toBe(true);
    expect(subject('twitter was down')).toBe(true);
    expect(subject('Ugh. twitter has a new logo')).toBe(true);
    expect(subject("and twitter isn't loading")).toBe(true);
    // The common word: a verb after its subject, a noun with its article or another noun.
    expect(subject('the birds twitter is what woke me')).toBe(false);
    expect(subject('the twitter is deafening')).toBe(false);
    expect(subject('bird twitter is lovely')).toBe(false);
    expect(subject('lol twitter outside again')).toBe(false);
    expect(subject('lol twitter, is it down')).toBe(false);
    const none = new Set<string>();
    const score = (text: string) => contextScore(text, cand(text, 'twitter'), none, none);
    expect(score('lol twitter is down again')).toBe(0.75);
    expect(score('the twitter is deafening')).toBe(0.55);
  });

  it("sees an alias's own veto words near it, and only that alias's", () => {
    const other = (text: string, name: string) => otherMeaningNear(text, cand(text, name));
    expect(other('X.com, the online bank of 1999', 'X.com')).toBe(true);
    expect(other('X.com posted a notice', 'X.com')).toBe(false);
    expect(other(`X.com ${'word '.repeat(30)}bank`, 'X.com')).toBe(false);
    expect(other('X posted from the bank', 'X')).toBe(false);
  });

  it('takes a person’s name opening a clause before a verb only a person takes for context', () => {
    const subject = (text: string, name: string) => lowerSubject(text, cand(text, name));
    // Not a person's verb, not a person, or not the subject.
    expect(subject('lol twitter tweets again', 'twitter')).toBe(false);
    expect(subject('the birds twitter says nothing', 'twitter')).toBe(false);
    const people = linkNames(
      prepareNames({
        entities: [
          {
            id: 'elon-musk',
            kind: 'person',
            highlight: true,
            aliases: [
              { text: 'Elon', ambiguous: true, caseSensitive: true, lowerCaseWithContext: true },
            ],
          },
        ],
      }),
    );
    const on = (text: string) => mentionsIn(people, text).map((m) => m.text);
    expect(on('the elon meme tweets were everywhere')).toEqual([]);
    expect(on('elon, tweets one meme')).toEqual([]);
    expect(on('elon tweets one meme and the stock moves')).toEqual(['elon']);
    expect(on('lol elon says a lot')).toEqual(['elon']);
  });

  it('counts a lower-case name whose word is a verb only in a name’s place beside context', () => {
    const stoke = linkNames(
      prepareNames({
        entities: [
          {
            id: 'stoke-space',
            kind: 'company',
            highlight: true,
            aliases: [
              { text: 'Stoke', ambiguous: true, caseSensitive: true, lowerCaseAsName: true },
            ],
            context: ['rocket', 'second stage'],
            antiContext: ['fire'],
          },
        ],
      }),
    );
    const on = (text: string) => mentionsIn(stoke, text).map((m) => m.text);
    // The verb, even beside a context word; a possessive with none; a veto word.
    expect(on('the launch will stoke rocket rivalry')).toEqual([]);
    expect(on('stoke the rocket stove')).toEqual([]);
    expect(on("stoke's fans sang all night")).toEqual([]);
    expect(on("stoke's rocket fire")).toEqual([]);
    expect(on('they stoke fears')).toEqual([]);
    expect(on("stoke's second stage heat shield design")).toEqual(['stoke']);
    expect(on('stoke’s rocket flew')).toEqual(['stoke']);
    expect(on('stoke is building a rocket')).toEqual(['stoke']);
    expect(on('Stoke rose with the rocket')).toEqual(['Stoke']);
  });
});

describe('veto words against the rest of the page', () => {
  const names = (text: string, seen = new Set<string>()) =>
    findMentions(text, { seen }).map((m) => m.text);

  it('are not outweighed by the entity named elsewhere on the page, only in the same text', () => {
    const hatnote =
      '"XAI" redirects here. For the field of artificial intelligence concerned with interpretability, see Explainable artificial intelligence.';
    // The page is about xAI (seen), yet its hatnote's XAI is explainable AI.
    expect(names(hatnote, new Set(['xai']))).toEqual([]);
    // Named elsewhere, and a context word near: "hot-fire" does not make it the verb.
    expect(
      names(
        'Stoke says hot-fire testing of full-scale engines happens in Moses Lake.',
        new Set(['stoke-space']),
      ),
    ).toEqual(['Stoke']);
    expect(names('Elon Musk launched a perfume. Musk said it sold out.')).toEqual([
      'Elon Musk',
      'Musk',
    ]);
  });

  it('in the sentence itself win even over the entity named in the same text', () => {
    expect(
      names(
        'xAI is an AI company. It should not be confused with explainable artificial intelligence, commonly abbreviated XAI.',
      ),
    ).toEqual(['xAI']);
    expect(names("xAI is hiring. XAI, Musk's AI start-up, raises $6bn")).toEqual([
      'xAI',
      'XAI',
      'Musk',
    ]);
  });
});
