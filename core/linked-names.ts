/**
 * Linking: prepared names (`prepare-names.ts`, possibly through JSON) made into the structures
 * each stage reads. Every stage takes the `LinkedNames` as an argument, so each can be run and
 * tested on its own.
 */
import { allowedEdits, innerSwaps } from './edit-distance.ts';
import { FuzzyIndex } from './fuzzy.ts';
import type { PreparedNames } from './prepare-names.ts';
import { insertPacked, newNode, type TrieNode, unpackKey } from './trie.ts';
import type { EntityId } from './types.ts';
import { lettersOf } from './word-shape.ts';

export interface LinkedEntity {
  id: EntityId;
  person: boolean;
  /** Share and follow widgets name it ("Share on X"), see `page-chrome.ts`. */
  platform: boolean;
  related: EntityId[];
  context: ReadonlySet<string>;
  contextPairs: ReadonlySet<string>;
  antiContext: ReadonlySet<string>;
  /** Some phrase settles its ambiguous names (`cues`). */
  hasCues: boolean;
}

export interface LinkedAlias {
  entity: LinkedEntity;
  written: string;
  /** Folded key (see `analyse`). */
  key: string;
  /** Written letters and digits, case kept (for case-sensitive names). */
  letters: string;
  ambiguous: boolean;
  caseSensitive: boolean;
  /** "Musk" → "MUSK" is accepted in all-capital text. */
  capitalised: boolean;
  /** A case-sensitive name that, all in lower case, counts by its context ("twitter"). */
  lowerWithContext: boolean;
  /**
   * A case-sensitive name that, all in lower case, counts only as a possessive or a subject with
   * a context word near it ("stoke's second stage"; not the verb, "stoke the fire").
   */
  lowerAsName: boolean;
  /** Its words make no phrase of their own: split and in lower case it needs no context. */
  noPhrase: boolean;
  /** Written with a trailing abbreviation dot ("Corp."), which belongs to the name. */
  trailingDot: boolean;
  /**
   * Needs context words near it, not only elsewhere in the text: a name of one letter ("X"),
   * and Japanese short names ("マスク" is also a face mask).
   */
  needsNear: boolean;
  /** Words that, near this alias, show it names something else ("bank" near "X.com"). */
  antiContext: ReadonlySet<string> | null;
}

/**
 * What a phrase with a name in it says about the name: `never` the entity ("Stoke City"), or a
 * `cue` that it is ("banned from X").
 */
export type PhraseKind = 'never' | 'cue';

/** A phrase that says something about names of `entity` it covers. */
export interface Blocker {
  entity: EntityId;
  key: string;
  kind: PhraseKind;
}

export interface LinkedNames {
  /** The entity ids, in the dataset's order. */
  entities: EntityId[];
  trie: TrieNode<LinkedAlias>;
  /** The source of `blockers`, kept until the first candidate needs it. */
  prepared: PreparedNames['entities'];
  /** Built on first need (`blockerTrie`): a page with no candidate name never pays for it. */
  blockers: TrieNode<Blocker> | undefined;
  /** Its fuse.js index is made on the first word that could be a misspelling. */
  fuzzy: FuzzyIndex<LinkedAlias>;
  /** Names too short for fuse.js's edits, whose typos are checked one by one ("SapceX"). */
  shortFuzzy: LinkedAlias[];
  /** Word lengths (letters) a typo of a short name may have. */
  shortFuzzyLengths: Set<number>;
  fuzzyFirstWords: Map<string, LinkedAlias[]>;
  /** The same first words with two letters swapped ("stoek" → Stoke Space). */
  fuzzyFirstWordSwaps: Map<string, LinkedAlias[]>;
  fuzzyFirstLetters: Set<number>;
  fuzzyFirstWordLengths: Set<number>;
  /**
   * One regex for every call (finding mentions is synchronous and never re-entered): a page
   * calls it once per block, and parsing a new regex each time would cost more than most blocks.
   */
  seed: RegExp;
}

function linkEntity(e: PreparedNames['entities'][number]): LinkedEntity {
  return {
    id: e.id,
    person: e.person === true,
    platform: e.platform === true,
    related: e.related,
    context: new Set(e.context),
    contextPairs: new Set(e.contextPairs),
    antiContext: new Set(e.antiContext),
    hasCues: (e.cues?.length ?? 0) > 0,
  };
}

/** The stages' view of names prepared ahead of time. */
export function linkNames(names: PreparedNames): LinkedNames {
  const entities = names.entities.map(linkEntity);
  const trie: TrieNode<LinkedAlias> = newNode();
  const fuzzyNames: { key: string; value: LinkedAlias }[] = [];
  const shortFuzzy: LinkedAlias[] = [];
  const aliases = names.aliases.map((a) => {
    const alias: LinkedAlias = {
      entity: entities[a.entity] as LinkedEntity,
      written: a.written,
      key: unpackKey(a.packed),
      letters: lettersOf(a.written),
      ambiguous: a.ambiguous === true,
      caseSensitive: a.caseSensitive === true,
      capitalised: a.capitalised === true,
      trailingDot: a.written.endsWith('.'),
      needsNear: a.needsNear === true,
      lowerWithContext: a.lowerWithContext === true,
      lowerAsName: a.lowerAsName === true,
      noPhrase: a.noPhrase === true,
      antiContext: a.antiContext ? new Set(a.antiContext) : null,
    };
    insertPacked(trie, a.packed, alias);
    if (a.fuzzy) {
      if (allowedEdits(alias.key.length) > 0) fuzzyNames.push({ key: alias.key, value: alias });
      else shortFuzzy.push(alias);
    }
    return alias;
  });
  const fuzzyFirstWords = new Map(
    names.fuzzyFirstWords.map(([word, list]) => [word, list.map((i) => aliases[i] as LinkedAlias)]),
  );
  const fuzzyFirstWordSwaps = new Map<string, LinkedAlias[]>();
  for (const [word, list] of fuzzyFirstWords)
    for (const v of innerSwaps(word)) fuzzyFirstWordSwaps.set(v, list);
  return {
    entities: names.entities.map((e) => e.id),
    trie,
    prepared: names.entities,
    blockers: undefined,
    fuzzy: new FuzzyIndex(fuzzyNames),
    fuzzyFirstWords,
    fuzzyFirstWordSwaps,
    shortFuzzy,
    shortFuzzyLengths: new Set(
      shortFuzzy.flatMap(({ key }) => [key.length - 1, key.length, key.length + 1]),
    ),
    fuzzyFirstLetters: new Set([...fuzzyNames, ...shortFuzzy].map(({ key }) => key.charCodeAt(0))),
    fuzzyFirstWordLengths: new Set([...fuzzyFirstWords.keys()].map((w) => w.length)),
    seed: new RegExp(names.seed, 'gi'),
  };
}

/** The trie of phrases that never name their entity, or settle that they do, built on first need. */
export function blockerTrie(linked: LinkedNames): TrieNode<Blocker> {
  if (linked.blockers === undefined) {
    const root: TrieNode<Blocker> = newNode();
    const add = (entity: EntityId, kind: PhraseKind, phrases: string[] = []) => {
      for (const packed of phrases)
        insertPacked(root, packed, { entity, key: unpackKey(packed), kind });
    };
    for (const { id, blockers, cues } of linked.prepared) {
      add(id, 'never', blockers);
      add(id, 'cue', cues);
    }
    linked.blockers = root;
  }
  return linked.blockers;
}
