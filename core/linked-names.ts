/**
 * Linking: prepared names (`prepare-names.ts`, possibly through JSON) made into the structures
 * each stage reads. Every stage takes the `LinkedNames` as an argument, so each can be run and
 * tested on its own.
 */
import { FuzzyIndex } from './fuzzy.ts';
import type { PreparedNames } from './prepare-names.ts';
import { insertPacked, newNode, type TrieNode, unpackKey } from './trie.ts';
import type { EntityId } from './types.ts';

export interface LinkedEntity {
  id: EntityId;
  person: boolean;
  related: EntityId[];
  context: Set<string>;
  contextPairs: Set<string>;
  antiContext: Set<string>;
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
  /** Written with a trailing abbreviation dot ("Corp."), which belongs to the name. */
  trailingDot: boolean;
  /**
   * Needs context words near it, not only elsewhere in the text: a name of one letter ("X"),
   * and Japanese short names ("マスク" is also a face mask).
   */
  needsNear: boolean;
}

/** A phrase that never names `entity` ("Stoke City"). */
export interface Blocker {
  entity: EntityId;
  key: string;
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
  fuzzyFirstWords: Map<string, LinkedAlias[]>;
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
    related: e.related,
    context: new Set(e.context),
    contextPairs: new Set(e.contextPairs),
    antiContext: new Set(e.antiContext),
  };
}

/** The stages' view of names prepared ahead of time. */
export function linkNames(names: PreparedNames): LinkedNames {
  const entities = names.entities.map(linkEntity);
  const trie: TrieNode<LinkedAlias> = newNode();
  const fuzzyNames: { key: string; value: LinkedAlias }[] = [];
  const aliases = names.aliases.map((a) => {
    const alias: LinkedAlias = {
      entity: entities[a.entity] as LinkedEntity,
      written: a.written,
      key: unpackKey(a.packed),
      letters: a.letters,
      ambiguous: a.ambiguous === true,
      caseSensitive: a.caseSensitive === true,
      capitalised: a.capitalised === true,
      trailingDot: a.written.endsWith('.'),
      needsNear: a.needsNear === true,
    };
    insertPacked(trie, a.packed, alias);
    if (a.fuzzy) fuzzyNames.push({ key: alias.key, value: alias });
    return alias;
  });
  const fuzzyFirstWords = new Map(
    names.fuzzyFirstWords.map(([word, list]) => [word, list.map((i) => aliases[i] as LinkedAlias)]),
  );
  return {
    entities: names.entities.map((e) => e.id),
    trie,
    prepared: names.entities,
    blockers: undefined,
    fuzzy: new FuzzyIndex(fuzzyNames),
    fuzzyFirstWords,
    fuzzyFirstLetters: new Set(fuzzyNames.map(({ key }) => key.charCodeAt(0))),
    fuzzyFirstWordLengths: new Set([...fuzzyFirstWords.keys()].map((w) => w.length)),
    seed: new RegExp(names.seed, 'gi'),
  };
}

/** The trie of phrases that never name their entity, built on first need. */
export function blockerTrie(linked: LinkedNames): TrieNode<Blocker> {
  if (linked.blockers === undefined) {
    const root: TrieNode<Blocker> = newNode();
    for (const { id, blockers } of linked.prepared)
      for (const packed of blockers)
        insertPacked(root, packed, { entity: id, key: unpackKey(packed) });
    linked.blockers = root;
  }
  return linked.blockers;
}
